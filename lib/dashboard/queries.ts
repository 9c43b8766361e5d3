import "server-only";
import { assertCanManageSession, AuthorizationError, canManageWorkshop, NotFoundError, requireActor, type Actor } from "../auth/authorisation";
import { namedParameters } from "../database/named-parameters";
import { db, sqlPool } from "../db";
import { sessionStartRange } from "../export/query-registrations";
import type { DashboardFilter } from "./dashboard-filter";
import { emptyCounts, OTHER_KEY, type Category, type KeyCounts } from "./figures";
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

/** Key counts per session, one aggregate over the registrations of the scope. */
export async function querySessionFigures(scope: DashboardScope): Promise<SessionFigures[]> {
  const rows = await run<Omit<SessionFigures, "calledOff" | "seats"> & { status: string; seats: number }>(
    `WITH ${scopedSessions}
     SELECT s.id AS "sessionId", s."workshopId", s."workshopTitle", s."programmeId", s."programmeName",
            s."startsAt", s."endsAt", s."timeZone", s.status, s.capacity AS seats,
            CASE WHEN s.status = 'CANCELLED' THEN 0 ELSE s.capacity END AS capacity,
            count(r.id)::int AS registrations,
            count(*) FILTER (WHERE r.status = 'CONFIRMED')::int AS confirmed,
            count(*) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted,
            count(*) FILTER (WHERE r.status = 'PENDING')::int AS pending,
            count(*) FILTER (WHERE r.status = 'CANCELLED')::int AS cancelled,
            count(*) FILTER (WHERE r.status = 'REJECTED')::int AS rejected,
            count(*) FILTER (WHERE r.status = 'CONFIRMED' AND r.attended IS NOT NULL)::int AS "attendanceTaken",
            count(*) FILTER (WHERE r.status = 'CONFIRMED' AND r.attended)::int AS attended,
            count(*) FILTER (WHERE r.status = 'CONFIRMED' AND NOT r.attended)::int AS "noShows"
     FROM scoped s
     LEFT JOIN registrations r ON r."sessionId" = s.id
     GROUP BY s.id, s."workshopId", s."workshopTitle", s."programmeId", s."programmeName", s."workshopPosition",
              s."startsAt", s."endsAt", s."timeZone", s.status, s.capacity
     ORDER BY s."programmeName", s."workshopPosition", s."workshopTitle", s."startsAt", s.id`,
    scopeParameters(scope),
  );
  return rows.map(({ status, ...row }) => ({ ...emptyCounts, ...row, calledOff: status === "CANCELLED" }));
}

/** Registrations received per session and calendar day. */
export async function queryTimeline(scope: DashboardScope): Promise<Map<string, TimelinePoint[]>> {
  const rows = await run<{ sessionId: string; day: string; registrations: number }>(
    `WITH ${scopedSessions}
     SELECT r."sessionId", to_char(r."createdAt" AT TIME ZONE $timeZone, 'YYYY-MM-DD') AS day, count(*)::int AS registrations
     FROM registrations r
     JOIN scoped s ON s.id = r."sessionId"
     GROUP BY 1, 2
     ORDER BY 1, 2`,
    { ...scopeParameters(scope), timeZone: DASHBOARD_TIME_ZONE },
  );
  const timeline = new Map<string, TimelinePoint[]>();
  for (const row of rows) {
    const points = timeline.get(row.sessionId) ?? [];
    points.push({ day: row.day, registrations: row.registrations });
    timeline.set(row.sessionId, points);
  }
  return timeline;
}

/** A category count within one workshop; the overall counts are their sums. */
export type WorkshopCategory = Category & { workshopId: string };

/** Sums per key over the workshops, largest first. */
export function overallCategories(rows: WorkshopCategory[]): Category[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.key, (counts.get(row.key) ?? 0) + row.count);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Registrations per workshop and participant role. */
export async function queryRoles(scope: DashboardScope): Promise<WorkshopCategory[]> {
  const rows = await run<{ workshopId: string; role: string; count: number }>(
    `WITH ${scopedSessions}
     SELECT s."workshopId", r.role::text AS role, count(*)::int AS count
     FROM registrations r
     JOIN scoped s ON s.id = r."sessionId"
     GROUP BY 1, 2
     ORDER BY 1, 3 DESC, 2`,
    scopeParameters(scope),
  );
  return rows.map((row) => ({ workshopId: row.workshopId, key: row.role === "OTHER" ? OTHER_KEY : row.role, count: row.count }));
}

/**
 * Registrations per workshop and answer to the kind-of-institution question
 * ("none": not answered), for the workshops whose form asks it; null when no
 * workshop in scope asks.
 */
export async function queryInstitutionKinds(scope: DashboardScope): Promise<WorkshopCategory[] | null> {
  const rows = await run<{ workshopId: string | null; kind: string | null; count: number | null; asked: number }>(
    `WITH ${scopedSessions},
     asking AS (
       SELECT s.id AS "sessionId", s."workshopId", q.id::text AS "questionId"
       FROM scoped s JOIN questions q ON q."workshopId" = s."workshopId" AND q."reportKey" = $reportKey
     )
     SELECT a."workshopId", NULLIF(r.answers ->> a."questionId", '') AS kind, count(r.id)::int AS count, (SELECT count(*) FROM asking)::int AS asked
     FROM asking a
     JOIN registrations r ON r."sessionId" = a."sessionId"
     GROUP BY 1, 2
     UNION ALL
     SELECT NULL, NULL, NULL, (SELECT count(*) FROM asking)::int
     ORDER BY 1, 3 DESC NULLS LAST, 2`,
    { ...scopeParameters(scope), reportKey: INSTITUTION_KIND_KEY },
  );
  if ((rows[0]?.asked ?? 0) === 0) return null;
  return rows.filter((row) => row.count !== null).map((row) => ({ workshopId: row.workshopId!, key: row.kind ?? "none", count: row.count! }));
}

/**
 * Everything the dashboard and the funder report show, each part one SQL
 * aggregate. The evaluation figures (response rate, average rating) join as
 * one more query here, merged into the session figures by sessionId.
 */
export async function queryDashboard(actor: Actor | null, filter: DashboardFilter): Promise<DashboardData> {
  const scope = await resolveDashboardScope(actor, filter);
  const [sessions, timeline, rolesByWorkshop, kindsByWorkshop] = await Promise.all([
    querySessionFigures(scope),
    queryTimeline(scope),
    queryRoles(scope),
    queryInstitutionKinds(scope),
  ]);
  return {
    scope,
    sessions,
    timeline,
    roles: overallCategories(rolesByWorkshop),
    rolesByWorkshop,
    institutionKinds: kindsByWorkshop ? overallCategories(kindsByWorkshop) : null,
    institutionKindsByWorkshop: kindsByWorkshop ?? [],
  };
}
