// Formatting of instants for people, always in the session's own time zone. Pure.
import type { Locale } from "../i18n/catalogue";

// British English keeps the 24-hour clock and day-month order our readers in
// Germany expect; "en" alone would give "2:00 PM" and "September 10".
const intlLocale: Record<Locale, string> = { de: "de-DE", en: "en-GB" };

const styles = {
  date: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  /** German "16.12.2026"; English "16 December 2026", since "12/16/2026" and "16/12/2026" are both read somewhere. */
  shortDate: { day: "2-digit", month: "2-digit", year: "numeric" },
  shortDateEn: { day: "numeric", month: "long", year: "numeric" },
  zone: { timeZoneName: "short" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// Building an Intl.DateTimeFormat costs far more than using one, and a
// programme page or an email formats dozens of instants: formatters are kept
// per language, zone and style.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, timeZone: string, style: keyof typeof styles): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(intlLocale[locale], { timeZone, ...styles[style] });
    formatters.set(key, cached);
  }
  return cached;
}

/** "Mittwoch, 10. September 2025" */
export function formatDate(instant: Date, timeZone: string, locale: Locale): string {
  return formatter(locale, timeZone, "date").format(instant);
}

/** "14:00" */
export function formatTime(instant: Date, timeZone: string, locale: Locale): string {
  return formatter(locale, timeZone, "time").format(instant);
}

/**
 * A point in time that is not a session (a deadline, when something was
 * sent or logged), the one way each language writes it:
 * "16.12.2026, 10:00 Uhr" / "16 December 2026, 10:00".
 */
export function formatInstant(instant: Date, timeZone: string, locale: Locale): string {
  const dateAndTime = `${formatShortDate(instant, timeZone, locale)}, ${formatTime(instant, timeZone, locale)}`;
  return locale === "de" ? `${dateAndTime} Uhr` : dateAndTime;
}

/** Short date for labels: "10.09.2025" / "10 September 2025". */
export function formatShortDate(instant: Date, timeZone: string, locale: Locale): string {
  return formatter(locale, timeZone, locale === "en" ? "shortDateEn" : "shortDate").format(instant);
}

/** Short zone name at that instant, so summer and winter time read right: "MESZ", "CEST", "GMT-4". */
export function formatZone(instant: Date, timeZone: string, locale: Locale): string {
  const parts = formatter(locale, timeZone, "zone").formatToParts(instant);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}
