import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { instrumentSlug } from "../instruments/slug";
import { materialStorage } from "../materials/storage/postgres-storage";
import { nextWeekdays, zonedToInstant } from "../time/zoned";
import { kommaEvaluationQuestions } from "./komma-evaluation";
import { instrumentTitlesEn, kommaProgramme, kommaWorkshops, materialText, TIME_ZONE, type SeedSession } from "./komma";

const WEDNESDAY = 3;
const DEFAULT_CAPACITY = 100;

export type SeedDates = "upcoming" | "original";

/**
 * Loads the KommA programme unless it exists. "upcoming" puts the three
 * sessions on the next Wednesdays so that registration can be tried at once;
 * "original" keeps the announcement's September 2025 dates.
 */
export async function seedKomma(db: PrismaClient, options: { dates: SeedDates; now?: Date } = { dates: "upcoming" }): Promise<{ created: boolean }> {
  const existing = await db.programme.findUnique({ where: { slug: kommaProgramme.slug }, select: { id: true } });
  if (existing) return { created: false };

  const upcoming = nextWeekdays(options.now ?? new Date(), WEDNESDAY, 3, TIME_ZONE);
  const sessionDates = (sessions: SeedSession[], offset: number): SeedSession[] =>
    options.dates === "original" ? sessions : sessions.map((session, index) => ({ ...session, date: upcoming[offset + index]! }));

  await db.$transaction(async (tx) => {
    const programme = await tx.programme.create({
      data: {
        slug: kommaProgramme.slug,
        name: kommaProgramme.name,
        nameEn: kommaProgramme.nameEn,
        description: kommaProgramme.description,
        descriptionEn: kommaProgramme.descriptionEn,
        contactEmail: kommaProgramme.contactEmail,
        privacyNotices: { create: { version: 1, text: kommaProgramme.privacyNotice, textEn: kommaProgramme.privacyNoticeEn } },
      },
      select: { id: true },
    });
    await tx.evaluationQuestion.createMany({
      data: kommaEvaluationQuestions.map((question, position) => ({
        programmeId: programme.id,
        position,
        type: question.type,
        labelDe: question.labelDe,
        labelEn: question.labelEn,
        required: question.required,
        options: question.options ?? [],
        scaleLowDe: question.scale?.lowDe ?? "",
        scaleLowEn: question.scale?.lowEn ?? "",
        scaleHighDe: question.scale?.highDe ?? "",
        scaleHighEn: question.scale?.highEn ?? "",
      })),
    });

    // One record per instrument title: Übergriffsmanagement is presented by both workshops.
    const instrumentIds = new Map<string, string>();
    for (const title of kommaWorkshops.flatMap((workshop) => workshop.instruments)) {
      if (instrumentIds.has(title)) continue;
      const instrument = await tx.instrument.create({
        data: { programmeId: programme.id, slug: instrumentSlug(title), position: instrumentIds.size, title, titleEn: instrumentTitlesEn[title] ?? null },
        select: { id: true },
      });
      instrumentIds.set(title, instrument.id);
    }

    let offset = 0;
    for (const [position, workshop] of kommaWorkshops.entries()) {
      const sessions = sessionDates(workshop.originalSessions, offset);
      offset += workshop.originalSessions.length;
      const overview = materialText(workshop);
      const stored = await materialStorage().put(tx, [Buffer.from(overview, "utf8")], { maxBytes: Number.MAX_SAFE_INTEGER });
      await tx.workshop.create({
        data: {
          programmeId: programme.id,
          slug: workshop.slug,
          position,
          title: workshop.title,
          titleEn: workshop.titleEn,
          summary: workshop.summary,
          summaryEn: workshop.summaryEn,
          description: workshop.description,
          descriptionEn: workshop.descriptionEn,
          guidingQuestions: workshop.guidingQuestions,
          guidingQuestionsEn: workshop.guidingQuestionsEn,
          instruments: { create: workshop.instruments.map((title, index) => ({ instrumentId: instrumentIds.get(title)!, position: index })) },
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
              reportKey: question.reportKey ?? null,
            })),
          },
          materials: {
            create: {
              title: workshop.materialTitle,
              titleEn: workshop.materialTitleEn,
              fileName: `${workshop.slug}-instrumente.txt`,
              mimeType: "text/plain; charset=utf-8",
              storageKey: stored.key,
              sizeBytes: stored.size,
              sha256: stored.sha256,
            },
          },
        },
      });
    }
  });
  return { created: true };
}
