import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { LocalizedSpan } from "@/components/localized-span";
import { ManageNeutral } from "@/components/manage-neutral";
import { clientIp } from "@/lib/http/client-ip";
import { localizedText } from "@/lib/i18n/localized-text";
import { getCurrentProgramme } from "@/lib/programmes/queries";
import { resolveConfirmToken } from "@/lib/registrations/manage-access";
import { formatDate } from "@/lib/time/format";
import { confirmEmailAction } from "./actions";

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage"))("confirm.title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * The double opt-in link lands here, with the token only the opt-in email
 * carries (docs/decisions/0014). Confirming needs a button press (a POST):
 * mail scanners that open links must not confirm on the person's behalf.
 */
export default async function ConfirmEmailPage({ params }: Props) {
  const { token } = await params;
  const t = await getTranslations("manage");
  const locale = await getLocale();
  const confirmation = await resolveConfirmToken(token, clientIp(await headers()));
  if (typeof confirmation === "string") {
    const programme = await getCurrentProgramme();
    return <ManageNeutral contactEmail={programme?.contactEmail ?? null} rateLimited={confirmation === "rate-limited"} />;
  }
  const title = localizedText(locale, confirmation.workshopTitle, confirmation.workshopTitleEn);
  const details = { workshop: () => <LocalizedSpan value={title} />, date: formatDate(confirmation.startsAt, confirmation.timeZone, locale) };
  return (
    <>
      <h1>{t("confirm.title")}</h1>
      {confirmation.state === "awaiting" ? (
        <>
          <p>{t.rich("confirm.text", details)}</p>
          <form action={confirmEmailAction}>
            <input type="hidden" name="token" value={token} />
            <button type="submit" className="button button--large">
              {t("confirm.button")}
            </button>
          </form>
        </>
      ) : confirmation.state === "confirmed" || confirmation.state === "awaiting-approval" ? (
        <div className="notice notice--success" role="status">
          <p>{t("confirm.confirmed")}</p>
          <p>{t.rich(confirmation.state === "confirmed" ? "confirm.confirmedNext" : "confirm.approvalNext", details)}</p>
        </div>
      ) : (
        <p className="notice notice--warning">{t(confirmation.state === "expired" ? "confirm.expired" : "confirm.notPending")}</p>
      )}
    </>
  );
}
