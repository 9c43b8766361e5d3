import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { ManageNeutral } from "@/components/manage-neutral";
import { certificateState } from "@/lib/certificates/availability";
import { FormChecksScript } from "@/components/form-checks-script";
import { ManageDetailsForm } from "@/components/manage-details-form";
import { ManageEmailForm } from "@/components/manage-email-form";
import { googleCalendarUrl, outlookCalendarUrl } from "@/lib/calendar/add-to-calendar-links";
import { clientIp } from "@/lib/http/client-ip";
import { localizedText } from "@/lib/i18n/localized-text";
import { getCurrentProgramme } from "@/lib/programmes/queries";
import { resolveManageToken } from "@/lib/registrations/manage-access";
import { getManagedRegistration } from "@/lib/registrations/manage-queries";
import { switchTargetOffer } from "@/lib/registrations/switch-target";
import { formatDate, formatShortDate, formatTime } from "@/lib/time/format";
import { requestEmailChangeAction, updateDetailsAction } from "./actions";
import { softHyphenLabel } from "@/lib/i18n/soft-hyphens";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  // Private pages: never indexed, never sent as referrer.
  return { title: (await getTranslations("manage"))("pageTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function ManagePage({ params, searchParams }: Props) {
  const { token } = await params;
  const query = await searchParams;
  const t = await getTranslations("manage");
  const programmeT = await getTranslations("programme");
  const certificateT = await getTranslations("certificates.manage");
  const locale = await getLocale();

  const access = await resolveManageToken(token, clientIp(await headers()));
  const registration = typeof access === "string" ? null : await getManagedRegistration(token);
  if (!registration) {
    const programme = await getCurrentProgramme();
    return <ManageNeutral contactEmail={programme?.contactEmail ?? null} rateLimited={access === "rate-limited"} />;
  }

  const { session, workshop, status } = registration;
  const when = programmeT("sessionTime", {
    date: formatDate(session.startsAt, session.timeZone, locale),
    start: formatTime(session.startsAt, session.timeZone, locale),
    end: formatTime(session.endsAt, session.timeZone, locale),
  });
  const active = status === "CONFIRMED" || status === "WAITLISTED" || status === "PENDING";
  const canChange = active && !registration.readOnly;
  const title = localizedText(locale, workshop.title, workshop.titleEn);
  const calendarInput = {
    title: title.text,
    details: `${localizedText(locale, workshop.summary, workshop.summaryEn).text}${session.joinUrl ? `\n\n${session.joinUrl}` : ""}`,
    location: session.joinUrl ?? session.location,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
  };
  const certificate = certificateState(registration, new Date());
  const successKeys = {
    cancelled: "cancelled",
    "left-waitlist": "leftWaitlist",
    switched: "switched",
    "switched-waitlist": "switchedToWaitlist",
    details: "detailsSaved",
    "email-change-sent": "emailChange.sent",
  } as const;
  const errorCode = query.fehler as keyof typeof errorKeys | undefined;
  const errorKeys = { "not-active": 1, "not-alternative": 1, "registration-closed": 1, "target-full": 1 } as const;

  return (
    <>
      <h1>{t("heading")}</h1>
      {query.ok && query.ok in successKeys ? (
        <div className="notice notice--success" role="status">
          <p>{t(successKeys[query.ok as keyof typeof successKeys])}</p>
        </div>
      ) : null}
      {errorCode && errorCode in errorKeys ? (
        <div className="notice notice--error" role="alert">
          <p>{t(`errors.${errorCode}`)}</p>
        </div>
      ) : null}

      <dl className="facts">
        <dt>{t("status.label")}</dt>
        <dd className={`status status--${status.toLowerCase()}`}>
          {t(
            registration.awaiting === "email" ? "status.PENDING_EMAIL" : registration.awaiting === "approval" ? "status.PENDING_APPROVAL" : `status.${status}`,
            { position: registration.waitlistRank ?? 0 },
          )}
        </dd>
        <dt>{t("workshop")}</dt>
        <dd lang={title.lang}>{title.text}</dd>
        <dt>{t("when")}</dt>
        <dd>
          <time dateTime={session.startsAt.toISOString()}>{when}</time>
        </dd>
        <dt>{t("format")}</dt>
        <dd>
          {programmeT(`format.${session.format}`)}
          {session.location ? ` – ${session.location}` : ""}
        </dd>
        <dt>{t("participant")}</dt>
        <dd>
          {registration.firstName} {registration.lastName}, {registration.organisation} ({registration.email})
        </dd>
        {status === "CONFIRMED" && session.format === "ONLINE" ? (
          <>
            <dt>{t("joinLink")}</dt>
            <dd>
              {session.joinUrl ? (
                <a href={session.joinUrl} rel="noreferrer">
                  {session.joinUrl}
                </a>
              ) : (
                t("joinLinkLater")
              )}
            </dd>
          </>
        ) : null}
      </dl>
      <p className="meta">{t("privateHint")}</p>
      {/* No confirm button here: confirming takes the link from the opt-in email only (docs/decisions/0014). */}
      {session.status === "CANCELLED" ? <p className="notice notice--warning">{t("sessionCancelled")}</p> : null}
      {registration.readOnly && session.status !== "CANCELLED" ? <p className="notice">{t("readOnly")}</p> : null}

      {status === "CONFIRMED" && !registration.readOnly ? (
        <section aria-labelledby="calendar">
          <h2 id="calendar">{t("calendarHeading")}</h2>
          <ul className="link-list">
            <li>
              <a href={`/r/${token}/kalender.ics`} download>
                {t("downloadIcs")}
              </a>
            </li>
            <li>
              <a href={googleCalendarUrl(calendarInput)} rel="noreferrer noopener" target="_blank">
                {t("googleCalendar")}
              </a>
            </li>
            <li>
              <a href={outlookCalendarUrl(calendarInput)} rel="noreferrer noopener" target="_blank">
                {t("outlookCalendar")}
              </a>
            </li>
          </ul>
        </section>
      ) : null}

      {certificate !== "none" ? (
        <section aria-labelledby="bescheinigung">
          <h2 id="bescheinigung" {...softHyphenLabel(certificateT("heading"))}>
            {certificateT("heading")}
          </h2>
          {certificate === "available" ? (
            <>
              <p>{certificateT("intro")}</p>
              <p>
                <a href={`/r/${token}/bescheinigung.pdf`} className="button" download>
                  {certificateT("download")}
                </a>
              </p>
            </>
          ) : (
            <p>{certificateT(certificate === "after-session" ? "afterSession" : "awaitingAttendance")}</p>
          )}
        </section>
      ) : null}

      {/* A pending registration has nothing to switch yet (switchSession refuses it). */}
      {canChange && status !== "PENDING" && registration.otherSessions.length > 0 ? (
        <section aria-labelledby="switch">
          <h2 id="switch">{t("switchHeading")}</h2>
          <p>{t("switchIntro")}</p>
          <ul className="session-list">
            {registration.otherSessions.map((other) => {
              const date = formatShortDate(other.startsAt, other.timeZone, locale);
              const offer = switchTargetOffer(status, other.availability);
              return (
                <li key={other.id} className="session">
                  {offer ? (
                    <Link href={`/r/${token}/wechseln?termin=${other.id}`} className="button button--quiet">
                      {t(offer === "seat" ? "switchTo" : offer === "waitlist" ? "switchToWaitlist" : "switchToWaitlistForSeat", { date })}
                    </Link>
                  ) : (
                    <p>{t("switchUnavailable", { date, state: programmeT(`availability.${other.availability.state}`, { seats: 0, date }) })}</p>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {canChange ? (
        <section aria-labelledby="details">
          <h2 id="details">{t("detailsHeading")}</h2>
          <p>{t("detailsIntro")}</p>
          <ManageDetailsForm
            action={updateDetailsAction}
            token={token}
            labels={{ errorSummary: t("errorSummary"), save: t("saveDetails") }}
            current={{
              firstName: registration.firstName,
              lastName: registration.lastName,
              organisation: registration.organisation,
              role: registration.role,
              accessibilityNeeds: registration.accessibilityNeeds,
              answers: registration.answers,
            }}
            questions={registration.questions.map((question) => ({
              id: question.id,
              type: question.type,
              required: question.required,
              label: locale === "en" ? question.labelEn : question.labelDe,
              options: question.options.map((option) => ({ value: option.value, label: locale === "en" ? option.labelEn : option.labelDe })),
            }))}
          />
          <FormChecksScript />
        </section>
      ) : null}

      {canChange ? (
        <section aria-labelledby="email-change">
          <h2 id="email-change">{t("emailChange.heading")}</h2>
          <p>{t("emailChange.intro", { email: registration.email })}</p>
          <ManageEmailForm
            action={requestEmailChangeAction}
            token={token}
            labels={{
              field: t("emailChange.field"),
              submit: t("emailChange.submit"),
              sameEmail: t("emailChange.sameEmail"),
              rateLimited: t("errors.rate-limited"),
            }}
          />
        </section>
      ) : null}

      {status === "CANCELLED" ? (
        <section aria-labelledby="again">
          <h2 id="again">{t("again.heading")}</h2>
          {registration.openSessions.length > 0 ? (
            <>
              <p>{t("again.intro")}</p>
              <ul className="link-list">
                {registration.openSessions.map((open) => (
                  <li key={open.id}>
                    <Link href={`/termine/${open.id}/anmeldung`} className="button">
                      {t(open.waitlist ? "again.waitlist" : "again.register", { date: formatShortDate(open.startsAt, open.timeZone, locale) })}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t("again.none")}</p>
          )}
          <p>
            <Link href="/">{t("again.programme")}</Link>
          </p>
        </section>
      ) : null}

      {canChange ? (
        <section aria-labelledby="cancel">
          <h2 id="cancel">{t("cancelHeading")}</h2>
          <p>{status === "WAITLISTED" ? t("leaveWaitlistIntro") : t("cancelIntro")}</p>
          <p>
            <Link href={`/r/${token}/absagen`} className="button button--danger">
              {status === "WAITLISTED" ? t("leaveWaitlistButton") : t("cancelButton")}
            </Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
