import "server-only";
import { db } from "../db";
import { env } from "../env";
import type { Locale } from "../i18n/catalogue";
import { localizedText } from "../i18n/localized-text";
import { translator } from "../i18n/translator";
import { buildProgrammeFeed } from "./build-programme-feed";

/** The feed's addresses: https for a download, webcal for "subscribe" in calendar apps. */
export function programmeFeedUrls(): { https: string; webcal: string } {
  const url = new URL("/kalender.ics", env().APP_URL).toString();
  return { https: url, webcal: url.replace(/^https?:/, "webcal:") };
}

/** Every session of the programme's published workshops (cancelled ones marked so), as iCalendar. */
export async function programmeFeed(programme: { id: string; name: string; nameEn?: string | null }, locale: Locale): Promise<string> {
  const t = translator(locale, "calendar");
  const base = env().APP_URL;
  const host = new URL(base).hostname;
  const sessions = await db.session.findMany({
    where: { workshop: { programmeId: programme.id, published: true } },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      status: true,
      sequence: true,
      format: true,
      location: true,
      workshop: { select: { title: true, titleEn: true, summary: true, summaryEn: true, slug: true } },
    },
  });
  return buildProgrammeFeed({
    name: localizedText(locale, programme.name, programme.nameEn).text,
    events: sessions.map((session) => {
      const url = new URL(`/workshops/${session.workshop.slug}`, base).toString();
      return {
        uid: `session-${session.id}@${host}`,
        sequence: session.sequence,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        // Calendar texts carry no language mark: the English version where written, else the German one.
        title: localizedText(locale, session.workshop.title, session.workshop.titleEn).text,
        description: `${localizedText(locale, session.workshop.summary, session.workshop.summaryEn).text}\n\n${t("feed.more", { url })}`,
        location: session.format === "ONLINE" ? t("feed.online") : (session.location ?? ""),
        url,
        cancelled: session.status === "CANCELLED",
      };
    }),
  });
}
