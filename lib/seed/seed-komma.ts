import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { nextWeekdays, zonedToInstant } from "../time/zoned";
import { kommaProgramme, kommaWorkshops, materialText, TIME_ZONE, type SeedSession } from "./komma";

const WEDNESDAY = 3;
const DEFAULT_CAPACITY = 100;

export type SeedDates = "upcoming" | "original";

/**
 * Loads the KommA programme unless it exists. "upcoming" puts the three
 * sessions on the next Wednesdays so that registration can be tried at once;
 * "original" keeps the announcement's September 2025 dates.
 */
export async function seedKomma(
  db: PrismaClient,
  options: { dates: SeedDates; now?: Date } = { dates: "upcoming" },
): Promise<{ created: boolean }> {
  const existing = await db.programme.findUnique({ where: { slug: kommaProgramme.slug }, select: { id: true } });
  if (existing) return { created: false };

  const upcoming = nextWeekdays(options.now ?? new Date(), WEDNESDAY, 3, TIME_ZONE);
  const sessionDates = (sessions: SeedSession[], offset: number): SeedSession[] =>
    options.dates === "original"
      ? sessions
      : sessions.map((session, index) => ({ ...session, date: upcoming[offset + index]! }));

  await db.$transaction(async (tx) => {
    const programme = await tx.programme.create({
      data: {
        slug: kommaProgramme.slug,
        name: kommaProgramme.name,
        description: kommaProgramme.description,
        contactEmail: kommaProgramme.contactEmail,
        privacyNotices: { create: { version: 1, text: kommaProgramme.privacyNotice } },
      },
      select: { id: true },
    });

    let offset = 0;
    for (const [position, workshop] of kommaWorkshops.entries()) {
      const sessions = sessionDates(workshop.originalSessions, offset);
      offset += workshop.originalSessions.length;
      await tx.workshop.create({
        data: {
          programmeId: programme.id,
          slug: workshop.slug,
          position,
          title: workshop.title,
          summary: workshop.summary,
          description: workshop.description,
          guidingQuestions: workshop.guidingQuestions,
          instruments: workshop.instruments,
          published: true,
          sessions: {
            create: sessions.map((session) => ({
              startsAt: zonedToInstant(session.date, session.start, TIME_ZONE),
              endsAt: zonedToInstant(session.date, session.end, TIME_ZONE),
              timeZone: TIME_ZONE,
              capacity: DEFAULT_CAPACITY,
              format: "ONLINE" as const,
            })),
          },
          questions: {
            create: workshop.questions.map((question, index) => ({
              position: index,
              type: question.type,
              labelDe: question.labelDe,
              labelEn: question.labelEn,
              required: question.required,
              options: question.options ?? [],
            })),
          },
          materials: {
            create: {
              title: workshop.materialTitle,
              fileName: `${workshop.slug}-instrumente.txt`,
              mimeType: "text/plain; charset=utf-8",
              content: Buffer.from(materialText(workshop), "utf8"),
            },
          },
        },
      });
    }
  });
  return { created: true };
}
