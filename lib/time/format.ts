// Formatting of instants for people, always in the session's own time zone. Pure.
import type { Locale } from "../i18n/catalogue";

const intlLocale: Record<Locale, string> = { de: "de-DE", en: "en-GB" };

export function formatDate(instant: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  }).format(instant);
}

export function formatTime(instant: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { hour: "2-digit", minute: "2-digit", hour12: false, timeZone }).format(instant);
}

export function formatDateTime(instant: Date, timeZone: string, locale: Locale): string {
  return `${formatDate(instant, timeZone, locale)}, ${formatTime(instant, timeZone, locale)}`;
}

/** Short date for labels: "10.09.2025" / "10/09/2025". */
export function formatShortDate(instant: Date, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { day: "2-digit", month: "2-digit", year: "numeric", timeZone }).format(instant);
}
