// Session times are stored as UTC instants plus an IANA zone; this is the edge
// where they become words, in the session's zone and the reader's language.
import { translator } from "@/lib/i18n/translator";
import type { Locale, MailSession } from "./types";

// British English keeps the 24-hour clock and day-month order our readers in
// Germany expect; "en" alone would give "2:00 PM" and "September 10".
const intlLocale: Record<Locale, string> = { de: "de-DE", en: "en-GB" };

function formatDate(locale: Locale, instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(instant);
}

function formatTime(locale: Locale, instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
}

/** Short zone name at that instant, so summer and winter time read right: "MESZ", "CEST", "GMT-4". */
function formatZone(locale: Locale, instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat(intlLocale[locale], { timeZone, timeZoneName: "short" }).formatToParts(instant);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** "Mittwoch, 10. September 2025, 14:00–16:00 Uhr (MESZ)" */
export function formatSessionTime(locale: Locale, session: Pick<MailSession, "startsAt" | "endsAt" | "timeZone">): string {
  const t = translator(locale, "email");
  const { startsAt, endsAt, timeZone } = session;
  const startDate = formatDate(locale, startsAt, timeZone);
  const endDate = formatDate(locale, endsAt, timeZone);
  const zone = formatZone(locale, startsAt, timeZone);
  if (startDate === endDate) {
    return t("time.range", {
      date: startDate,
      start: formatTime(locale, startsAt, timeZone),
      end: formatTime(locale, endsAt, timeZone),
      zone,
    });
  }
  return t("time.rangeAcrossDays", {
    startDate,
    startTime: formatTime(locale, startsAt, timeZone),
    endDate,
    endTime: formatTime(locale, endsAt, timeZone),
    zone,
  });
}

/** "Freitag, 12. September 2025, 09:30 Uhr (MESZ)" */
export function formatInstant(locale: Locale, instant: Date, timeZone: string): string {
  const t = translator(locale, "email");
  return t("time.instant", {
    date: formatDate(locale, instant, timeZone),
    time: formatTime(locale, instant, timeZone),
    zone: formatZone(locale, instant, timeZone),
  });
}
