import "server-only";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { anonymiseRegistrations } from "./anonymise-registrations";

const BATCH_SIZE = 500;
/** Bounds one call; a larger backlog continues on the next run. */
const MAX_BATCHES = 200;

/**
 * Anonymises the registrations of sessions that ended more than their
 * programme's retentionDays ago (default 180, docs/decisions/0008). Each
 * batch is one transaction with its audit event ("privacy.retention.anonymise",
 * with the count), so the record exists exactly when the change does; a
 * normal day is one batch, hence one event. Rows locked by another
 * transaction (an organiser editing, a second instance running the job) are
 * skipped and picked up next time. Returns how many were anonymised.
 */
export async function anonymiseExpiredRegistrations(now: Date = new Date()): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const { found, anonymised } = await db.$transaction(
      async (tx) => {
        const due = await tx.$queryRaw<{ id: string; sessionId: string; programmeId: string }[]>`
          SELECT registration."id", registration."sessionId", workshop."programmeId"
          FROM "registrations" AS registration
          JOIN "sessions" AS session ON session."id" = registration."sessionId"
          JOIN "workshops" AS workshop ON workshop."id" = session."workshopId"
          JOIN "programmes" AS programme ON programme."id" = workshop."programmeId"
          WHERE registration."anonymisedAt" IS NULL
            AND session."endsAt" < ${now}::timestamptz - programme."retentionDays" * interval '1 day'
          ORDER BY registration."id"
          LIMIT ${BATCH_SIZE}::integer
          FOR UPDATE OF registration SKIP LOCKED`;
        const result = await anonymiseRegistrations(
          tx,
          due.map((row) => row.id),
          now,
        );
        if (result.registrationIds.length > 0) {
          const done = new Set(result.registrationIds);
          const byProgramme: Record<string, number> = {};
          const sessions = new Set<string>();
          for (const row of due) {
            if (!done.has(row.id)) continue;
            byProgramme[row.programmeId] = (byProgramme[row.programmeId] ?? 0) + 1;
            sessions.add(row.sessionId);
          }
          await recordAudit(tx, {
            actor: null,
            action: "privacy.retention.anonymise",
            subjectType: "registration",
            subjectId: null,
            details: {
              count: result.registrationIds.length,
              sessions: sessions.size,
              byProgramme,
              manageTokensDeleted: result.manageTokens,
              messagesDeleted: result.messages,
            },
          });
        }
        return { found: due.length, anonymised: result.registrationIds.length };
      },
      { maxWait: 30_000, timeout: 120_000 },
    );
    total += anonymised;
    if (found < BATCH_SIZE) break;
  }
  return total;
}
