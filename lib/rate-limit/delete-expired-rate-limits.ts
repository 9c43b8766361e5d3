import "server-only";
import { sqlPool } from "../db";

const BATCH_SIZE = 5_000;
/** Bounds one call; whatever is left waits for the next run. */
const MAX_BATCHES = 100;

/**
 * Deletes the counters whose window has ended: a counter counts again from 1
 * once its window is over, so an ended row holds nothing the limits still
 * need, only the hash of an address or an IP. Small batches keep each
 * statement's locks short while registrations count on the same table; a
 * counter counted again since it was selected has a new "expiresAt" and is
 * skipped by the re-check of the WHERE clause. Returns how many were deleted.
 */
export async function deleteExpiredRateLimits(now: Date = new Date()): Promise<number> {
  let deleted = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const { rowCount } = await sqlPool().query({
      text: `DELETE FROM "rate_limits" WHERE "key" IN (
               SELECT "key" FROM "rate_limits" WHERE "expiresAt" <= $1::timestamptz LIMIT $2::int FOR UPDATE SKIP LOCKED
             ) AND "expiresAt" <= $1::timestamptz`,
      values: [now, BATCH_SIZE],
    });
    deleted += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH_SIZE) break;
  }
  return deleted;
}
