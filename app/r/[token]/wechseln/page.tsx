import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LocalizedSpan } from "@/components/localized-span";
import { ManageNeutral } from "@/components/manage-neutral";
import { clientIp } from "@/lib/http/client-ip";
import { localizedText } from "@/lib/i18n/localized-text";
import { getCurrentProgramme } from "@/lib/programmes/queries";
import { resolveManageToken } from "@/lib/registrations/manage-access";
import { getManagedRegistration } from "@/lib/registrations/manage-queries";
import { switchTargetOffer } from "@/lib/registrations/switch-target";
import { formatDate, formatTime } from "@/lib/time/format";
import { switchAction } from "../actions";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("manage"))("confirmSwitchTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The confirmation step before switching dates, shaped like the one before cancelling: a plain form, so it works without JavaScript. */
export default async function ConfirmSwitchPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { termin } = await searchParams;
  const t = await getTranslations("manage");
  const programmeT = await getTranslations("programme");
  const locale = await getLocale();
  const access = await resolveManageToken(token, clientIp(await headers()));
  const registration = typeof access === "string" ? null : await getManagedRegistration(token);
  const active = registration && (registration.status === "CONFIRMED" || registration.status === "WAITLISTED") && !registration.readOnly;
  if (!registration || !active) {
    const programme = await getCurrentProgramme();
    return <ManageNeutral contactEmail={programme?.contactEmail ?? null} rateLimited={access === "rate-limited"} />;
  }
  const target = registration.otherSessions.find((other) => other.id === termin);
  if (!target) redirect(`/r/${token}?fehler=not-alternative`);
  const offer = switchTargetOffer(registration.status, target.availability);
  if (!offer)
    redirect(`/r/${token}?fehler=${target.availability.state === "full" || target.availability.state === "waitlist" ? "target-full" : "registration-closed"}`);

  const when = (session: { startsAt: Date; endsAt: Date; timeZone: string }) =>
    programmeT("sessionTime", {
      date: formatDate(session.startsAt, session.timeZone, locale),
      start: formatTime(session.startsAt, session.timeZone, locale),
      end: formatTime(session.endsAt, session.timeZone, locale),
    });
  return (
    <>
      <h1>{t("confirmSwitchTitle")}</h1>
      <p>
        {t.rich("confirmSwitchText", {
          workshop: () => <LocalizedSpan value={localizedText(locale, registration.workshop.title, registration.workshop.titleEn)} />,
        })}
      </p>
      <dl className="facts">
        <dt>{t("previousDate")}</dt>
        <dd>
          <time dateTime={registration.session.startsAt.toISOString()}>{when(registration.session)}</time>
        </dd>
        <dt>{t("newDate")}</dt>
        <dd>
          <time dateTime={target.startsAt.toISOString()}>{when(target)}</time>
        </dd>
      </dl>
      {offer === "waitlist" ? <p className="notice">{t("confirmSwitchWaitlist")}</p> : null}
      {offer === "waitlist-for-seat" ? <p className="notice notice--warning">{t("confirmSwitchWaitlistForSeat")}</p> : null}
      <form action={switchAction} className="button-row">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="sessionId" value={target.id} />
        {offer === "waitlist-for-seat" ? <input type="hidden" name="platzAufgeben" value="ja" /> : null}
        <button type="submit" className={offer === "waitlist-for-seat" ? "button button--danger" : "button"}>
          {t(offer === "waitlist-for-seat" ? "confirmSwitchWaitlistForSeatButton" : "confirmSwitchButton")}
        </button>
        <Link href={`/r/${token}`} className="button button--quiet">
          {t("keepDateButton")}
        </Link>
      </form>
    </>
  );
}
