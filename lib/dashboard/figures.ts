// Key figures from counts the database has already aggregated. Pure: the
// dashboard, the PDF and the XLSX report all read their numbers from here.
import { mayShowBreakdown } from "../evaluation/settings";

/**
 * Counts per session, as one SQL aggregate returns them. Summing is field by
 * field over every numeric field, so a further query (the evaluation's
 * responses and ratings) adds its fields here and its rates in keyFigures
 * without touching the summing.
 */
export type KeyCounts = {
  /** Capacity of the sessions that were not called off. */
  capacity: number;
  /** Every registration received, whatever became of it. */
  registrations: number;
  confirmed: number;
  waitlisted: number;
  pending: number;
  cancelled: number;
  rejected: number;
  /** Confirmed registrations whose attendance was taken (attended not null). */
  attendanceTaken: number;
  attended: number;
  noShows: number;
  /** Evaluation invitations sent (one per registration asked). */
  evaluationInvited: number;
  /** Anonymous evaluation responses. */
  evaluationResponses: number;
  /** Sessions with responses whose ratings are withheld: fewer overall ratings than the workshop's minimum of answers. */
  sessionsBelowMinimum: number;
  /** Answers 1..5 to the overall rating question, of sessions at or above the minimum only. */
  rating1: number;
  rating2: number;
  rating3: number;
  rating4: number;
  rating5: number;
};

export const ratingPoints = [1, 2, 3, 4, 5] as const;
const ratingKey = (point: (typeof ratingPoints)[number]) => `rating${point}` as const;

export const emptyCounts: KeyCounts = {
  capacity: 0,
  registrations: 0,
  confirmed: 0,
  waitlisted: 0,
  pending: 0,
  cancelled: 0,
  rejected: 0,
  attendanceTaken: 0,
  attended: 0,
  noShows: 0,
  evaluationInvited: 0,
  evaluationResponses: 0,
  sessionsBelowMinimum: 0,
  rating1: 0,
  rating2: 0,
  rating3: 0,
  rating4: 0,
  rating5: 0,
};

/**
 * A session's evaluation counts as the dashboard may use them: below the
 * minimum of answers (docs/decisions/0028) only the count of responses
 * remains, and the ratings are left out of every sum too, so that no total
 * minus the shown sessions reveals them.
 */
export function evaluationCounts(session: { invited: number; responses: number; ratings: number[]; minimumAnswers: number }) {
  const rated = session.ratings.reduce((sum, count) => sum + count, 0);
  const shown = rated > 0 && mayShowBreakdown(rated, session.minimumAnswers);
  const counts = { evaluationInvited: session.invited, evaluationResponses: session.responses, sessionsBelowMinimum: session.responses > 0 && !shown ? 1 : 0 };
  return { ...counts, ...Object.fromEntries(ratingPoints.map((point, index) => [ratingKey(point), shown ? (session.ratings[index] ?? 0) : 0])) } as Pick<
    KeyCounts,
    "evaluationInvited" | "evaluationResponses" | "sessionsBelowMinimum" | "rating1" | "rating2" | "rating3" | "rating4" | "rating5"
  >;
}

/** The overall rating's distribution, 1 to 5, as chart categories ("1".."5"). */
export function ratingDistribution(counts: KeyCounts): Category[] {
  return ratingPoints.map((point) => ({ key: String(point), count: counts[ratingKey(point)] }));
}

export function sumCounts(rows: KeyCounts[]): KeyCounts {
  const total = { ...emptyCounts };
  for (const row of rows) for (const key of Object.keys(total) as (keyof KeyCounts)[]) total[key] += row[key];
  return total;
}

export type KeyFigures = KeyCounts & {
  /** Confirmed seats of the capacity, 0..1; null without capacity. */
  fillRate: number | null;
  /** Attended of those whose attendance was taken, 0..1; null where it was not taken. */
  attendanceRate: number | null;
  /** Responses per invitation sent, 0..1; null without invitations. */
  responseRate: number | null;
  /** Overall ratings counted (sessions below the minimum left out). */
  ratings: number;
  /** Mean of the counted overall ratings, 1..5; null without any. */
  averageRating: number | null;
};

export function keyFigures(counts: KeyCounts): KeyFigures {
  const ratings = ratingPoints.reduce((sum, point) => sum + counts[ratingKey(point)], 0);
  const ratingSum = ratingPoints.reduce((sum, point) => sum + point * counts[ratingKey(point)], 0);
  return {
    ...counts,
    fillRate: counts.capacity > 0 ? counts.confirmed / counts.capacity : null,
    attendanceRate: counts.attendanceTaken > 0 ? counts.attended / counts.attendanceTaken : null,
    // Capped: a participant's erased registration takes its invitation along, not the anonymous response.
    responseRate: counts.evaluationInvited > 0 ? Math.min(1, counts.evaluationResponses / counts.evaluationInvited) : null,
    ratings,
    averageRating: ratings > 0 ? ratingSum / ratings : null,
  };
}

/** The figures shown, in order (dashboard table, PDF and XLSX rows). */
export const figureKeys = [
  "registrations",
  "confirmed",
  "waitlisted",
  "cancelled",
  "capacity",
  "fillRate",
  "attendanceTaken",
  "attended",
  "noShows",
  "attendanceRate",
  "evaluationInvited",
  "evaluationResponses",
  "responseRate",
  "averageRating",
] as const satisfies readonly (keyof KeyFigures)[];
export type FigureKey = (typeof figureKeys)[number];

export const rateKeys: ReadonlySet<FigureKey> = new Set(["fillRate", "attendanceRate", "responseRate"]);
/** Shown with one decimal (the average on the 1–5 scale). */
export const averageKeys: ReadonlySet<FigureKey> = new Set(["averageRating"]);
const evaluationKeys: ReadonlySet<FigureKey> = new Set(["evaluationInvited", "evaluationResponses", "responseRate", "averageRating"]);

/** Whether the selection has an evaluation at all (invitations sent or responses received). */
export function hasEvaluation(figures: KeyCounts): boolean {
  return figures.evaluationInvited + figures.evaluationResponses > 0;
}

/** The figures shown for a selection: the evaluation's only where there is one. */
export function shownFigureKeys(overall: KeyCounts): FigureKey[] {
  return hasEvaluation(overall) ? [...figureKeys] : figureKeys.filter((key) => !evaluationKeys.has(key));
}

export type Category = { key: string; count: number };

/** Groups smaller than this are merged into "other" in anything that leaves the organisation area. */
export const SMALL_GROUP = 3;
export const OTHER_KEY = "other";

/**
 * Categories with fewer than SMALL_GROUP entries join "other" (an existing
 * "other" category included), so that no small group can be singled out by
 * its name. Empty categories disappear. Order: largest first, "other" last.
 */
export function aggregateSmallGroups(categories: Category[], threshold = SMALL_GROUP): Category[] {
  const counts = new Map<string, number>();
  for (const { key, count } of categories) if (count > 0) counts.set(key, (counts.get(key) ?? 0) + count);
  let other = counts.get(OTHER_KEY) ?? 0;
  counts.delete(OTHER_KEY);
  for (const [key, count] of counts) {
    if (count < threshold) {
      other += count;
      counts.delete(key);
    }
  }
  const kept = [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return other > 0 ? [...kept, { key: OTHER_KEY, count: other }] : kept;
}
