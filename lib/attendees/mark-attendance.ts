import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageSession, type Actor } from "../auth/authorisation";
import { isUuid } from "../input/uuid";
import { db } from "../db";

export type MarkAttendanceOutcome = { ok: true; updated: number } | { ok: false; code: "not-started" };

/**
 * Records who took part (true), who did not (false) or clears the mark (null),
 * for confirmed registrations of this session, once it has started.
 */
export async function markAttendance(
  actor: Actor | null,
  sessionId: string,
  marks: Record<string, boolean | null>,
  now = new Date(),
): Promise<MarkAttendanceOutcome> {
  await assertCanManageSession(actor, sessionId);
  return db.$transaction(async (tx) => {
    const { actor: signedIn } = await assertCanManageSession(actor, sessionId, tx);
    const session = await tx.session.findUniqueOrThrow({ where: { id: sessionId }, select: { startsAt: true } });
    if (session.startsAt > now) return { ok: false as const, code: "not-started" as const };
    let updated = 0;
    const tally = { attended: 0, absent: 0, unknown: 0 };
    for (const [registrationId, attended] of Object.entries(marks)) {
      if (!isUuid(registrationId)) continue;
      // Scoped to this session: ids from another session change nothing.
      const { count } = await tx.registration.updateMany({ where: { id: registrationId, sessionId, status: "CONFIRMED" }, data: { attended } });
      updated += count;
      if (count > 0) tally[attended === true ? "attended" : attended === false ? "absent" : "unknown"] += 1;
    }
    await recordAudit(tx, { actor: signedIn, action: "attendance.mark", subjectType: "session", subjectId: sessionId, details: { updated, ...tally } });
    return { ok: true as const, updated };
  });
}
