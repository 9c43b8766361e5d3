// Session times are stored as UTC instants plus an IANA zone; this is the edge
// where they become words, in the session's zone and the reader's language.
import { translator } from "@/lib/i18n/translator";
import type { Locale, MailSession } from "./types";

// British English keeps the 24-hour clock and day-month order our readers in
// Germany expect; "en" alone would give "2:00 PM" and "September 10".
const intlLocale: Record<Locale, string> = { de: "de-DE", en: "en-GB" };

// Building an Intl.DateTimeFormat costs far more than using one; every
// email formats a few instants, so the formatters are kept per language,
// zone and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, timeZone: string, style: "date" | "time" | "zone"): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let cached = formatters.get(key);
  if (!cached) {
    const options: Intl.DateTimeFormatOptions =
      style === "date"
        ? { weekday: "long", day: "numeric", month: "long", year: "numeric" }
        : style === "time"
          ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
          : { timeZoneName: "short" };
    cached = new Intl.DateTimeFormat(intlLocale[locale], { timeZone, ...options });
    formatters.set(key, cached);
  }
  return cached;
}

function formatDate(locale: Locale, instant: Date, timeZone: string): string {
  return formatter(locale, timeZone, "date").format(instant);
}

function formatTime(locale: Locale, instant: Date, timeZone: string): string {
  return formatter(locale, timeZone, "time").format(instant);
}

/** Short zone name at that instant, so summer and winter time read right: "MESZ", "CEST", "GMT-4". */
function formatZone(locale: Locale, instant: Date, timeZone: string): string {
  const parts = formatter(locale, timeZone, "zone").formatToParts(instant);
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
