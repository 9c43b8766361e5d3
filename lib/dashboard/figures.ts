// Key figures from counts the database has already aggregated. Pure: the
// dashboard, the PDF and the XLSX report all read their numbers from here.

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
};

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
};

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
};

export function keyFigures(counts: KeyCounts): KeyFigures {
  return {
    ...counts,
    fillRate: counts.capacity > 0 ? counts.confirmed / counts.capacity : null,
    attendanceRate: counts.attendanceTaken > 0 ? counts.attended / counts.attendanceTaken : null,
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
] as const satisfies readonly (keyof KeyFigures)[];
export type FigureKey = (typeof figureKeys)[number];

export const rateKeys: ReadonlySet<FigureKey> = new Set(["fillRate", "attendanceRate"]);

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
