// Figures as people read them: counts with the language's digit grouping,
// rates as whole percentages, "–" where a rate cannot be computed. Pure.
import type { Locale } from "../i18n/catalogue";
import { formatShortDate, formatTime } from "../time/format";
import { averageKeys, rateKeys, type FigureKey, type KeyFigures } from "./figures";

const intlLocale: Record<Locale, string> = { de: "de-DE", en: "en-GB" };

export function formatCount(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value);
}

export function formatRate(value: number | null, locale: Locale): string {
  return value === null ? "–" : new Intl.NumberFormat(intlLocale[locale], { style: "percent", maximumFractionDigits: 0 }).format(value);
}

/** An average on the rating scale with one decimal ("4,3"); "–" without ratings. */
export function formatAverage(value: number | null, locale: Locale): string {
  return value === null ? "–" : new Intl.NumberFormat(intlLocale[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

export function formatFigure(figures: KeyFigures, key: FigureKey, locale: Locale): string {
  const value = figures[key];
  if (averageKeys.has(key)) return formatAverage(value, locale);
  return rateKeys.has(key) ? formatRate(value, locale) : formatCount(value ?? 0, locale);
}

/** "10.09.2025, 14:00" in the session's zone, for chart rows and report tables. */
export function sessionWhenLabel(session: { startsAt: Date; timeZone: string }, locale: Locale): string {
  return `${formatShortDate(session.startsAt, session.timeZone, locale)}, ${formatTime(session.startsAt, session.timeZone, locale)}`;
}

/** "2025-09-10" as "10.09.2025" (de) or "10/09/2025" (en). */
export function dayLabel(day: string, locale: Locale): string {
  return formatShortDate(new Date(`${day}T12:00:00Z`), "UTC", locale);
}
