import "server-only";
import { db } from "../db";

/**
 * Claims today's run of a job for this instance: true for exactly one of
 * any number of concurrent callers once at least 23 hours have passed since
 * the last claim (23, not 24, so that a run a little early or late does not
 * push the next one by a whole day). One statement: INSERT … ON CONFLICT
 * serialises the callers on the row, and each re-checks the condition on
 * the row as the previous one left it.
 */
export async function claimDailyRun(name: string, now: Date = new Date()): Promise<boolean> {
  return claimRunAfter(name, 23 * 3600, now);
}

/**
 * The same claim for a job with another period: true for exactly one caller
 * once `minimumGapSeconds` have passed since the last claim.
 */
export async function claimRunAfter(name: string, minimumGapSeconds: number, now: Date = new Date()): Promise<boolean> {
  const claimed = await db.$queryRaw<{ name: string }[]>`
    INSERT INTO "job_runs" ("name", "lastRunAt") VALUES (${name}, ${now}::timestamptz)
    ON CONFLICT ("name") DO UPDATE SET "lastRunAt" = EXCLUDED."lastRunAt"
    WHERE "job_runs"."lastRunAt" <= EXCLUDED."lastRunAt" - make_interval(secs => ${minimumGapSeconds}::int)
    RETURNING "name"`;
  return claimed.length === 1;
}

/**
 * After a failed run: lets the job be claimed again in an hour rather than a
 * day, unless another instance has claimed it since.
 */
export async function retryDailyRunSoon(name: string, claimedAt: Date): Promise<void> {
  await db.$executeRaw`
    UPDATE "job_runs" SET "lastRunAt" = ${claimedAt}::timestamptz - interval '22 hours'
    WHERE "name" = ${name} AND "lastRunAt" = ${claimedAt}::timestamptz`;
}
