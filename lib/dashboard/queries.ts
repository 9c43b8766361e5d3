import "server-only";
import { assertCanManageSession, AuthorizationError, canManageWorkshop, NotFoundError, requireActor, type Actor } from "../auth/authorisation";
import { namedParameters } from "../database/named-parameters";
import { db, sqlPool } from "../db";
import { sessionStartRange } from "../export/query-registrations";
import type { DashboardFilter } from "./dashboard-filter";
import { emptyCounts, evaluationCounts, OTHER_KEY, type Category, type KeyCounts } from "./figures";
import { INSTITUTION_KIND_KEY } from "./institution-kinds";

/** Days of the registration timeline are calendar days here (every session of the programme is in Germany). */
export const DASHBOARD_TIME_ZONE = "Europe/Berlin";

/** Who sees what: administrators everything, organisers their assigned workshops; then the filter. */
export type DashboardScope = {
  filter: DashboardFilter;
  reach: "all" | "assigned";
  /** The organiser whose assignments limit the scope; null for administrators. */
  organiserId: string | null;
};

export type SessionFigures = KeyCounts & {
  sessionId: string;
  workshopId: string;
  workshopTitle: string;
  programmeId: string;
  programmeName: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** The session's own capacity, also when it was called off (KeyCounts.capacity is then 0). */
  seats: number;
  calledOff: boolean;
  /** The workshop's minimum of answers before ratings are shown (its own, else the programme's). */
  evaluationMinimum: number;
};

export type TimelinePoint = { day: string; registrations: number };

export type DashboardData = {
  scope: DashboardScope;
  sessions: SessionFigures[];
  /** Registrations received per session and day (DASHBOARD_TIME_ZONE), days without any left out. */
  timeline: Map<string, TimelinePoint[]>;
  /** Registrations per participant role; keys are the ParticipantRole values, OTHER as "other". */
  roles: Category[];
  rolesByWorkshop: WorkshopCategory[];
  /** Registrations per kind of institution where the form asked for it; "none" for no answer. null: no workshop in scope asks. */
  institutionKinds: Category[] | null;
  institutionKindsByWorkshop: WorkshopCategory[];
};

/**
 * Checks what the actor may see. Organisers naming a workshop or session
 * that is not theirs get an AuthorizationError (foreign and unknown look the
 * same), administrators naming an unknown one a NotFoundError; as the export.
 */
export async function resolveDashboardScope(actor: Actor | null, filter: DashboardFilter): Promise<DashboardScope> {
  const signedIn = requireActor(actor);
  if (filter.workshopId) {
    if (!(await canManageWorkshop(signedIn, filter.workshopId))) throw new AuthorizationError();
    if (signedIn.role === "ADMIN" && !(await db.workshop.findUnique({ where: { id: filter.workshopId }, select: { id: true } }))) {
      throw new NotFoundError(`Workshop ${filter.workshopId}`);
    }
  }
  if (filter.sessionId) await assertCanManageSession(signedIn, filter.sessionId);
  return { filter, reach: signedIn.role === "ADMIN" ? "all" : "assigned", organiserId: signedIn.role === "ADMIN" ? null : signedIn.id };
}

// The sessions in scope, as the first CTE of every dashboard query. Null
// parameters switch a condition off; the period is on the session's start.
const scopedSessions = `scoped AS (
  SELECT s.id, s."workshopId", s."startsAt", s."endsAt", s."timeZone", s.capacity, s.status,
         w.title AS "workshopTitle", w."programmeId", w.position AS "workshopPosition", p.name AS "programmeName"
  FROM sessions s
  JOIN workshops w ON w.id = s."workshopId"
  JOIN programmes p ON p.id = w."programmeId"
  WHERE ($programmeId::uuid IS NULL OR w."programmeId" = $programmeId::uuid)
    AND ($workshopId::uuid IS NULL OR w.id = $workshopId::uuid)
    AND ($sessionId::uuid IS NULL OR s.id = $sessionId::uuid)
    AND ($from::timestamptz IS NULL OR s."startsAt" >= $from::timestamptz)
    AND ($to::timestamptz IS NULL OR s."startsAt" < $to::timestamptz)
    AND ($organiserId::uuid IS NULL OR EXISTS (
      SELECT 1 FROM workshop_assignments a WHERE a."workshopId" = w.id AND a."userId" = $organiserId::uuid))
)`;

function scopeParameters(scope: DashboardScope) {
  const range = sessionStartRange(scope.filter);
  return {
    programmeId: scope.filter.programmeId ?? null,
    workshopId: scope.filter.workshopId ?? null,
    sessionId: scope.filter.sessionId ?? null,
    from: range?.gte ?? null,
    to: range?.lt ?? null,
    organiserId: scope.organiserId,
  };
}

async function run<R extends object>(text: string, values: Record<string, unknown>): Promise<R[]> {
  return (await sqlPool().query(namedParameters(text, values))).rows as R[];
}

type SessionRow = Omit<SessionFigures, keyof KeyCounts | "calledOff"> & { status: string; capacity: number; asksKind: boolean };

/** The sessions in scope, in the order the dashboard lists them, with no registration read. */
async function queryScopedSessions(scope: DashboardScope): Promise<SessionRow[]> {
  return run<SessionRow>(
    `WITH ${scopedSessions}
     SELECT s.id AS "sessionId", s."workshopId", s."workshopTitle", s."programmeId", s."programmeName",
            s."startsAt", s."endsAt", s."timeZone", s.status, s.capacity AS seats,
            CASE WHEN s.status = 'CANCELLED' THEN 0 ELSE s.capacity END AS capacity,
            EXISTS (SELECT 1 FROM questions q WHERE q."workshopId" = s."workshopId" AND q."reportKey" = $reportKey) AS "asksKind"
     FROM scoped s
     ORDER BY s."programmeName", s."workshopPosition", s."workshopTitle", s."startsAt", s.id`,
    { ...scopeParameters(scope), reportKey: INSTITUTION_KIND_KEY },
  );
}

type GroupRow = Omit<KeyCounts, "capacity"> & { sessionId: string; day: string | null; role: string | null; kind: string | null; grouping: number };

// GROUPING(day, role, kind): a set bit means "not grouped by"; the four sets below.
const BY_SESSION = 7;
const BY_DAY = 3;
const BY_ROLE = 5;
const BY_KIND = 6;

/**
 * One pass over the registrations of the scope, aggregated four ways at once
 * (GROUPING SETS): per session (the key counts), per session and calendar
 * day, per session and role, per session and kind of institution. At 100,000
 * registrations one scan costs less than four (docs/decisions/0030).
 */
async function queryRegistrationGroups(scope: DashboardScope): Promise<GroupRow[]> {
  return run<GroupRow>(
    `WITH ${scopedSessions},
     facts AS (
       SELECT r."sessionId", r.status, r.attended, r.role::text AS role,
              date_trunc('day', r."createdAt", $timeZone) AS day,
              CASE WHEN q.id IS NOT NULL THEN coalesce(NULLIF(r.answers ->> q.id::text, ''), 'none') END AS kind
       FROM registrations r
       JOIN scoped s ON s.id = r."sessionId"
       LEFT JOIN questions q ON q."workshopId" = s."workshopId" AND q."reportKey" = $reportKey
     )
     SELECT "sessionId", to_char(day AT TIME ZONE $timeZone, 'YYYY-MM-DD') AS day, role, kind, GROUPING(day, role, kind)::int AS grouping,
            count(*)::int AS registrations,
            count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed,
            count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted,
            count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
            count(*) FILTER (WHERE status = 'CANCELLED')::int AS cancelled,
            count(*) FILTER (WHERE status = 'REJECTED')::int AS rejected,
            count(*) FILTER (WHERE status = 'CONFIRMED' AND attended IS NOT NULL)::int AS "attendanceTaken",
            count(*) FILTER (WHERE status = 'CONFIRMED' AND attended)::int AS attended,
            count(*) FILTER (WHERE status = 'CONFIRMED' AND NOT attended)::int AS "noShows"
     FROM facts
     GROUP BY GROUPING SETS (("sessionId"), ("sessionId", day), ("sessionId", role), ("sessionId", kind))
     ORDER BY "sessionId", day, role, kind`,
    { ...scopeParameters(scope), timeZone: DASHBOARD_TIME_ZONE, reportKey: INSTITUTION_KIND_KEY },
  );
}

type EvaluationRow = { sessionId: string; minimumAnswers: number; invited: number; responses: number; ratings: number[] };

/**
 * The evaluation per session: invitations sent, anonymous responses, and the
 * answers 1..5 to the overall rating question. That question is the first
 * rating question (by position) of its questionnaire, the programme's or the
 * workshop's own; so answers given before a workshop made its own
 * questionnaire still count. Nothing here names a person (decision 0028).
 */
async function queryEvaluation(scope: DashboardScope): Promise<EvaluationRow[]> {
  return run<EvaluationRow>(
    `WITH ${scopedSessions},
     overall AS (
       SELECT DISTINCT ON (coalesce(q."workshopId", q."programmeId")) q.id
       FROM evaluation_questions q
       WHERE q.type = 'RATING'
         AND (q."programmeId" IN (SELECT "programmeId" FROM scoped) OR q."workshopId" IN (SELECT "workshopId" FROM scoped))
       ORDER BY coalesce(q."workshopId", q."programmeId"), q.position, q."createdAt", q.id
     ),
     invited AS (
       SELECT i."sessionId", count(*)::int AS invited
       FROM evaluation_invitations i JOIN scoped s ON s.id = i."sessionId"
       GROUP BY i."sessionId"
     ),
     answered AS (
       SELECT r."sessionId", count(DISTINCT r.id)::int AS responses,
              ARRAY[${[1, 2, 3, 4, 5].map((point) => `count(a.rating) FILTER (WHERE a.rating = ${point})::int`).join(", ")}] AS ratings
       FROM evaluation_responses r
       JOIN scoped s ON s.id = r."sessionId"
       LEFT JOIN evaluation_answers a ON a."responseId" = r.id AND a."questionId" IN (SELECT id FROM overall)
       GROUP BY r."sessionId"
     )
     SELECT s.id AS "sessionId", coalesce(w."evaluationMinimumAnswers", p."evaluationMinimumAnswers") AS "minimumAnswers",
            coalesce(i.invited, 0) AS invited, coalesce(a.responses, 0) AS responses, coalesce(a.ratings, ARRAY[0, 0, 0, 0, 0]) AS ratings
     FROM scoped s
     JOIN workshops w ON w.id = s."workshopId"
     JOIN programmes p ON p.id = w."programmeId"
     LEFT JOIN invited i ON i."sessionId" = s.id
     LEFT JOIN answered a ON a."sessionId" = s.id`,
    scopeParameters(scope),
  );
}

/** A category count within one workshop; the overall counts are their sums. */
export type WorkshopCategory = Category & { workshopId: string };

function byWorkshop(rows: { workshopId: string; key: string; count: number }[]): WorkshopCategory[] {
  const counts = new Map<string, WorkshopCategory>();
  for (const row of rows) {
    const id = `${row.workshopId}|${row.key}`;
    const entry = counts.get(id) ?? { workshopId: row.workshopId, key: row.key, count: 0 };
    entry.count += row.count;
    counts.set(id, entry);
  }
  return [...counts.values()].sort((a, b) => a.workshopId.localeCompare(b.workshopId) || b.count - a.count || a.key.localeCompare(b.key));
}

/** Sums per key over the workshops, largest first. */
export function overallCategories(rows: WorkshopCategory[]): Category[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.key, (counts.get(row.key) ?? 0) + row.count);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/**
 * Everything the dashboard and the funder report show, each part one SQL
 * aggregate. The evaluation figures (response rate, average rating) join as
 * one more query, merged into the session figures by sessionId with the
 * minimum-answers rule applied (evaluationCounts).
 */
export async function queryDashboard(actor: Actor | null, filter: DashboardFilter): Promise<DashboardData> {
  const scope = await resolveDashboardScope(actor, filter);
  const [sessionRows, groups, evaluationRows] = await Promise.all([queryScopedSessions(scope), queryRegistrationGroups(scope), queryEvaluation(scope)]);
  const evaluation = new Map(evaluationRows.map((row) => [row.sessionId, row]));
  const workshopOf = new Map(sessionRows.map((session) => [session.sessionId, session.workshopId]));
  const counts = new Map<string, GroupRow>();
  const timeline = new Map<string, TimelinePoint[]>();
  const roles: { workshopId: string; key: string; count: number }[] = [];
  const kinds: { workshopId: string; key: string; count: number }[] = [];
  for (const row of groups) {
    const workshopId = workshopOf.get(row.sessionId)!;
    if (row.grouping === BY_SESSION) counts.set(row.sessionId, row);
    else if (row.grouping === BY_DAY)
      timeline.set(row.sessionId, [...(timeline.get(row.sessionId) ?? []), { day: row.day!, registrations: row.registrations }]);
    else if (row.grouping === BY_ROLE) roles.push({ workshopId, key: row.role === "OTHER" ? OTHER_KEY : row.role!, count: row.registrations });
    else if (row.grouping === BY_KIND && row.kind !== null) kinds.push({ workshopId, key: row.kind, count: row.registrations });
  }
  const sessions = sessionRows.map(({ status, asksKind: _asksKind, ...session }): SessionFigures => {
    const {
      sessionId: _sessionId,
      day: _day,
      role: _role,
      kind: _kind,
      grouping: _grouping,
      ...found
    } = counts.get(session.sessionId) ?? { ...emptyCounts, ...noGroup };
    const asked = evaluation.get(session.sessionId) ?? { invited: 0, responses: 0, ratings: [], minimumAnswers: 3 };
    return {
      ...emptyCounts,
      ...found,
      ...evaluationCounts(asked),
      ...session,
      calledOff: status === "CANCELLED",
      evaluationMinimum: asked.minimumAnswers,
    };
  });
  const rolesByWorkshop = byWorkshop(roles);
  const asked = sessionRows.some((session) => session.asksKind);
  const institutionKindsByWorkshop = byWorkshop(kinds);
  return {
    scope,
    sessions,
    timeline,
    roles: overallCategories(rolesByWorkshop),
    rolesByWorkshop,
    institutionKinds: asked ? overallCategories(institutionKindsByWorkshop) : null,
    institutionKindsByWorkshop,
  };
}

const noGroup = { sessionId: "", day: null, role: null, kind: null, grouping: BY_SESSION };
