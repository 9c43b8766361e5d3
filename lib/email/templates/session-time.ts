// Session times are stored as UTC instants plus an IANA zone; this is the edge
// where they become words, in the session's zone and the reader's language.
import { translator } from "@/lib/i18n/translator";
import { formatDate, formatTime, formatZone } from "@/lib/time/format";
import type { Locale, MailSession } from "./types";

/** "Mittwoch, 10. September 2025, 14:00–16:00 Uhr (MESZ)" */
export function formatSessionTime(locale: Locale, session: Pick<MailSession, "startsAt" | "endsAt" | "timeZone">): string {
  const t = translator(locale, "email");
  const { startsAt, endsAt, timeZone } = session;
  const startDate = formatDate(startsAt, timeZone, locale);
  const endDate = formatDate(endsAt, timeZone, locale);
  const zone = formatZone(startsAt, timeZone, locale);
  if (startDate === endDate) {
    return t("time.range", {
      date: startDate,
      start: formatTime(startsAt, timeZone, locale),
      end: formatTime(endsAt, timeZone, locale),
      zone,
    });
  }
  return t("time.rangeAcrossDays", {
    startDate,
    startTime: formatTime(startsAt, timeZone, locale),
    endDate,
    endTime: formatTime(endsAt, timeZone, locale),
    zone,
  });
}

/** "Freitag, 12. September 2025, 09:30 Uhr (MESZ)" */
export function formatInstant(locale: Locale, instant: Date, timeZone: string): string {
  const t = translator(locale, "email");
  return t("time.instant", {
    date: formatDate(instant, timeZone, locale),
    time: formatTime(instant, timeZone, locale),
    zone: formatZone(instant, timeZone, locale),
  });
}
