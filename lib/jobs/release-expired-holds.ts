import "server-only";
import { db } from "../db";
import { cancelRegistration } from "../registrations/cancel-registration";

export type HoldReleaseReport = {
  /** Double-opt-in registrations whose hold ran out unconfirmed, now cancelled. */
  released: number;
  /** Waiting people moved up into the freed seats. */
  promoted: number;
};

const BATCH_SIZE = 20;
/** Bounds one call; whatever is left waits for the next round a minute later. */
const MAX_BATCHES = 50;

/**
 * Cancels double-opt-in registrations whose seat hold ran out before the
 * address was confirmed: the seat goes back and the first waiting person
 * moves up, in the same transaction (cancelRegistration). No email to the
 * person whose hold expired. Small batches under SKIP LOCKED: several
 * instances share the work, and a row someone is confirming right now is
 * left alone until that transaction ends.
 */
export async function releaseExpiredHolds(now: Date = new Date()): Promise<HoldReleaseReport> {
  const report: HoldReleaseReport = { released: 0, promoted: 0 };
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const outcome = await db.$transaction(
      async (tx) => {
        // Ordered by session so that concurrent batches lock session rows
        // (releaseSeat, fillFreeSeats) in the same order and cannot deadlock.
        const expired = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "registrations"
          WHERE "status" = 'PENDING' AND "holdExpiresAt" IS NOT NULL AND "holdExpiresAt" < ${now}::timestamptz
            AND "emailConfirmedAt" IS NULL
          ORDER BY "sessionId", "id"
          LIMIT ${BATCH_SIZE}::integer
          FOR UPDATE SKIP LOCKED`;
        let released = 0;
        let promoted = 0;
        for (const registration of expired) {
          const cancelled = await cancelRegistration(tx, registration.id, { notify: false });
          if (!cancelled.ok) continue;
          released += 1;
          promoted += cancelled.promoted.length;
        }
        return { found: expired.length, released, promoted };
      },
      { maxWait: 30_000, timeout: 60_000 },
    );
    report.released += outcome.released;
    report.promoted += outcome.promoted;
    if (outcome.found < BATCH_SIZE) break;
  }
  return report;
}
