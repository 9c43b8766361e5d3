import "server-only";
import { zonedToInstant } from "../time/zoned";
import type { Prisma } from "../generated/prisma/client";
import { assertCanManageSession, AuthorizationError, canManageWorkshop, NotFoundError, requireActor, type Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { answerText, choiceOptions, type ChoiceOption } from "./answer-text";
import { questionColumnKey, registrationColumns, type ExportColumn, type ExportRow } from "./columns";
import type { ExportFilter } from "./export-filter";

/** Rows fetched per query; memory holds one batch at a time (docs/decisions/0009-exports.md). */
export const EXPORT_BATCH_SIZE = 1000;

/** Session start dates in the filter are days in this zone (every programme's sessions are in Germany). */
export const EXPORT_TIME_ZONE = "Europe/Berlin";

type ExportQuestion = { id: string; workshopId: string; label: string; options: ChoiceOption[] };

/** What an export of this actor with this filter contains; built once, then streamed. */
export type ExportScope = {
  filter: ExportFilter;
  /** Administrators see everything; organisers only their assigned workshops. */
  reach: "all" | "assigned";
  /** Slug of the one workshop the export is limited to, for the file name. */
  workshopSlug: string | null;
  columns: ExportColumn[];
  locale: Locale;
  sessionWhere: Prisma.SessionWhereInput;
  questions: ExportQuestion[];
};

export function sessionStartRange(filter: ExportFilter): Prisma.DateTimeFilter | undefined {
  if (!filter.from && !filter.to) return undefined;
  const range: Prisma.DateTimeFilter = {};
  if (filter.from) range.gte = zonedToInstant(filter.from, "00:00", EXPORT_TIME_ZONE);
  if (filter.to) {
    const [year, month, day] = filter.to.split("-").map(Number);
    const next = new Date(Date.UTC(year!, month! - 1, day! + 1)).toISOString().slice(0, 10);
    range.lt = zonedToInstant(next, "00:00", EXPORT_TIME_ZONE);
  }
  return range;
}

/**
 * Checks what the actor may export and fixes the columns. Anonymous visitors
 * and organisers naming a workshop or session that is not theirs get an
 * AuthorizationError (foreign and unknown look the same to them); an
 * administrator naming an unknown session gets a NotFoundError.
 */
export async function resolveExportScope(actor: Actor | null, filter: ExportFilter, locale: Locale): Promise<ExportScope> {
  const signedIn = requireActor(actor);
  const reach = signedIn.role === "ADMIN" ? "all" : "assigned";
  if (filter.workshopId && !(await canManageWorkshop(signedIn, filter.workshopId))) throw new AuthorizationError();
  if (filter.sessionId) await assertCanManageSession(signedIn, filter.sessionId);

  const workshopWhere: Prisma.WorkshopWhereInput = {
    ...(filter.programmeId ? { programmeId: filter.programmeId } : {}),
    ...(filter.workshopId ? { id: filter.workshopId } : {}),
    ...(reach === "assigned" ? { organisers: { some: { userId: signedIn.id } } } : {}),
  };
  const startsAt = sessionStartRange(filter);
  const sessionWhere: Prisma.SessionWhereInput = {
    workshop: workshopWhere,
    ...(filter.sessionId ? { id: filter.sessionId } : {}),
    ...(startsAt ? { startsAt } : {}),
  };

  const { workshop: _workshop, ...sessionOnly } = sessionWhere;
  const workshops = await db.workshop.findMany({
    where: { ...workshopWhere, sessions: { some: sessionOnly } },
    orderBy: [{ programme: { name: "asc" } }, { position: "asc" }, { title: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      questions: { orderBy: { position: "asc" }, select: { id: true, labelDe: true, labelEn: true, options: true } },
    },
  });
  if (filter.workshopId && workshops.length === 0 && signedIn.role === "ADMIN") {
    const exists = await db.workshop.findUnique({ where: { id: filter.workshopId }, select: { id: true } });
    if (!exists) throw new NotFoundError(`Workshop ${filter.workshopId}`);
  }

  // With several workshops in one file, a question is named with its workshop.
  const several = workshops.length > 1;
  const questions = workshops.flatMap((workshop) =>
    workshop.questions.map((question) => {
      const label = locale === "en" ? question.labelEn || question.labelDe : question.labelDe;
      return { id: question.id, workshopId: workshop.id, label: several ? `${workshop.title}: ${label}` : label, options: choiceOptions(question.options) };
    }),
  );
  return {
    filter,
    reach,
    workshopSlug: await singleWorkshopSlug(filter, workshops),
    columns: registrationColumns(locale, questions),
    locale,
    sessionWhere,
    questions,
  };
}

/** The workshop an export is limited to, named in its file name; null for several. */
async function singleWorkshopSlug(filter: ExportFilter, workshops: { slug: string }[]): Promise<string | null> {
  if (filter.sessionId) {
    const session = await db.session.findUnique({ where: { id: filter.sessionId }, select: { workshop: { select: { slug: true } } } });
    return session?.workshop.slug ?? null;
  }
  if (filter.workshopId) return (await db.workshop.findUnique({ where: { id: filter.workshopId }, select: { slug: true } }))?.slug ?? null;
  return workshops.length === 1 ? workshops[0]!.slug : null;
}

const registrationSelect = {
  id: true,
  status: true,
  firstName: true,
  lastName: true,
  email: true,
  organisation: true,
  role: true,
  accessibilityNeeds: true,
  answers: true,
  locale: true,
  attended: true,
  consentedAt: true,
  createdAt: true,
  privacyNotice: { select: { version: true } },
} satisfies Prisma.RegistrationSelect;

/** How many registrations the export would contain (for the export page). */
export async function countExportRows(scope: ExportScope): Promise<number> {
  return db.registration.count({
    where: { session: scope.sessionWhere, anonymisedAt: null, ...(scope.filter.status ? { status: scope.filter.status } : {}) },
  });
}

/**
 * The registrations of the scope as export rows, session by session (in order
 * of their start), within a session in order of registration. Each query
 * fetches at most `batchSize` rows, continuing after the last (createdAt, id)
 * seen (keyset pagination), so memory holds one batch however large the
 * export. Anonymised registrations are left out: they no longer name anyone.
 */
export async function* exportRows(scope: ExportScope, options: { batchSize?: number } = {}): AsyncGenerator<ExportRow> {
  const batchSize = options.batchSize ?? EXPORT_BATCH_SIZE;
  const t = translator(scope.locale, "export");
  const roles = translator(scope.locale, "registration");
  const words = { yes: t("yes"), no: t("no") };
  const status = scope.filter.status;

  const sessions = await db.session.findMany({
    where: scope.sessionWhere,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, startsAt: true, workshopId: true, workshop: { select: { title: true } } },
  });

  for (const session of sessions) {
    const questions = scope.questions.filter((question) => question.workshopId === session.workshopId);
    // The position shown is the rank among those still waiting, as on the organiser pages.
    const waiting =
      !status || status === "WAITLISTED"
        ? await db.registration.findMany({ where: { sessionId: session.id, status: "WAITLISTED" }, orderBy: { waitlistPosition: "asc" }, select: { id: true } })
        : [];
    const rank = new Map(waiting.map((entry, index) => [entry.id, index + 1]));

    let after: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const batch: Prisma.RegistrationGetPayload<{ select: typeof registrationSelect }>[] = await db.registration.findMany({
        where: {
          sessionId: session.id,
          anonymisedAt: null,
          ...(status ? { status } : {}),
          ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}),
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: batchSize,
        select: registrationSelect,
      });
      for (const registration of batch) {
        const given =
          registration.answers && typeof registration.answers === "object" && !Array.isArray(registration.answers)
            ? (registration.answers as Record<string, unknown>)
            : {};
        const row: ExportRow = {
          registrationId: registration.id,
          workshop: session.workshop.title,
          sessionStartsAt: session.startsAt,
          status: t(`status.${registration.status}`),
          waitlistPosition: rank.get(registration.id) ?? null,
          firstName: registration.firstName,
          lastName: registration.lastName,
          email: registration.email,
          organisation: registration.organisation,
          role: roles(`roles.${registration.role}`),
          accessibilityNeeds: registration.accessibilityNeeds,
          locale: registration.locale,
          attended: registration.attended,
          consentedAt: registration.consentedAt,
          privacyNoticeVersion: registration.privacyNotice.version,
          registeredAt: registration.createdAt,
        };
        for (const question of questions) row[questionColumnKey(question.id)] = answerText(given[question.id], question.options, scope.locale, words);
        yield row;
      }
      const last = batch.at(-1);
      if (!last || batch.length < batchSize) break;
      after = { createdAt: last.createdAt, id: last.id };
    }
  }
}
