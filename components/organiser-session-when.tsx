import { getLocale, getTranslations } from "next-intl/server";
import { formatDate, formatTime } from "@/lib/time/format";

/** "Mittwoch, 14. Mai 2031, 14:00–16:00 Uhr" in the session's own time zone. */
export async function SessionWhen({ session }: { session: { startsAt: Date; endsAt: Date; timeZone: string } }) {
  const t = await getTranslations("organiser");
  const locale = await getLocale();
  return (
    <time dateTime={session.startsAt.toISOString()}>
      {t("sessionTime", {
        date: formatDate(session.startsAt, session.timeZone, locale),
        start: formatTime(session.startsAt, session.timeZone, locale),
        end: formatTime(session.endsAt, session.timeZone, locale),
      })}
    </time>
  );
}
