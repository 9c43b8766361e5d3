import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { acceptsRegistrations, datesToChooseFrom } from "@/lib/sessions/availability";
import { formatDate, formatShortDate, formatTime } from "@/lib/time/format";
import type { PublicSession } from "@/lib/workshops/queries";

/** "The same workshop on N dates: please choose one", while more than one date is still ahead. */
export async function AlternativeDates({ sessions }: { sessions: PublicSession[] }) {
  const t = await getTranslations("programme");
  const count = datesToChooseFrom(sessions, new Date());
  return count > 1 ? <p className="notice">{t("alternativeDates", { count })}</p> : null;
}

export async function SessionList({ sessions }: { sessions: PublicSession[] }) {
  const t = await getTranslations("programme");
  const locale = await getLocale();
  if (sessions.length === 0) return <p>{t("noSessions")}</p>;
  return (
    <ul className="session-list">
      {sessions.map((session) => {
        const { availability } = session;
        const date = formatDate(session.startsAt, session.timeZone, locale);
        const shortDate = formatShortDate(session.startsAt, session.timeZone, locale);
        const waitlist = availability.state === "waitlist";
        return (
          <li key={session.id} className="session" data-state={availability.state}>
            <p className="session__time">
              <time dateTime={session.startsAt.toISOString()}>
                {t("sessionTime", {
                  date,
                  start: formatTime(session.startsAt, session.timeZone, locale),
                  end: formatTime(session.endsAt, session.timeZone, locale),
                })}
              </time>
              {" · "}
              {t(`format.${session.format}`)}
            </p>
            <p className={`session__state session__state--${availability.state}`}>
              {availability.state === "open"
                ? t("availability.open", { seats: availability.seatsLeft })
                : availability.state === "not-yet-open"
                  ? t("availability.not-yet-open", { date: formatShortDate(availability.opensAt, session.timeZone, locale) })
                  : t(`availability.${availability.state}`)}
            </p>
            {acceptsRegistrations(availability) ? (
              <Link
                className="button"
                href={`/termine/${session.id}/anmeldung`}
                aria-label={t(waitlist ? "joinWaitlistLabel" : "registerLabel", { date: shortDate })}
              >
                {t(waitlist ? "joinWaitlist" : "register")}
              </Link>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
