import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { LocalizedSpan } from "@/components/localized-span";
import { ManageNeutral } from "@/components/manage-neutral";
import { clientIp } from "@/lib/http/client-ip";
import { localizedText } from "@/lib/i18n/localized-text";
import { getCurrentProgramme } from "@/lib/programmes/queries";
import { resolveManageToken } from "@/lib/registrations/manage-access";
import { getManagedRegistration } from "@/lib/registrations/manage-queries";
import { formatDate } from "@/lib/time/format";
import { cancelAction } from "../actions";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage"))("confirmCancelTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The confirmation step before cancelling; a plain form, so it works without JavaScript. */
export default async function ConfirmCancelPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("manage");
  const locale = await getLocale();
  const access = await resolveManageToken(token, clientIp(await headers()));
  const registration = typeof access === "string" ? null : await getManagedRegistration(token);
  const active = registration && ["CONFIRMED", "WAITLISTED", "PENDING"].includes(registration.status) && !registration.readOnly;
  if (!registration || !active) {
    const programme = await getCurrentProgramme();
    return <ManageNeutral contactEmail={programme?.contactEmail ?? null} rateLimited={access === "rate-limited"} />;
  }
  // Leaving the waiting list is its own action with its own words (docs/glossary.md).
  const waitlisted = registration.status === "WAITLISTED";
  return (
    <>
      <h1>{t(waitlisted ? "confirmLeaveWaitlistTitle" : "confirmCancelTitle")}</h1>
      <p>
        {t.rich(waitlisted ? "confirmLeaveWaitlistText" : "confirmCancelText", {
          workshop: () => <LocalizedSpan value={localizedText(locale, registration.workshop.title, registration.workshop.titleEn)} />,
          date: formatDate(registration.session.startsAt, registration.session.timeZone, locale),
        })}
      </p>
      <form action={cancelAction} className="button-row">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button button--danger">
          {t(waitlisted ? "confirmLeaveWaitlistButton" : "confirmCancelButton")}
        </button>
        <Link href={`/r/${token}`} className="button button--quiet">
          {t(waitlisted ? "keepWaitlistButton" : "keepButton")}
        </Link>
      </form>
    </>
  );
}
