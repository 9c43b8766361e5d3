import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageRegistration, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { notifyRegistration } from "../registrations/notifications";
import { takeSeat } from "../registrations/seats";
import { lockSession } from "../sessions/lock-session";

export type PromoteAttendeeOutcome =
  { ok: true; capacityRaised: boolean } | { ok: false; code: "session-full"; capacity: number } | { ok: false; code: "not-waitlisted" | "session-cancelled" };

/**
 * Moves a person from the waiting list to a confirmed seat, out of turn: when
 * a seat is free, or with the explicit override, which raises the capacity by one.
 */
export async function promoteAttendee(actor: Actor | null, registrationId: string, options: { override: boolean }): Promise<PromoteAttendeeOutcome> {
  await assertCanManageRegistration(actor, registrationId);
  return db.$transaction(
    async (tx) => {
      const { actor: signedIn, sessionId } = await assertCanManageRegistration(actor, registrationId, tx);
      const session = await lockSession(tx, sessionId);
      const rows = await tx.$queryRaw<{ status: string }[]>`SELECT "status" FROM "registrations" WHERE "id" = ${registrationId}::uuid FOR UPDATE`;
      if (rows[0]?.status !== "WAITLISTED") return { ok: false as const, code: "not-waitlisted" as const };
      if (session.status === "CANCELLED") return { ok: false as const, code: "session-cancelled" as const };

      let capacityRaised = false;
      if (session.confirmedCount >= session.capacity) {
        if (!options.override) return { ok: false as const, code: "session-full" as const, capacity: session.capacity };
        await tx.session.update({ where: { id: sessionId }, data: { capacity: { increment: 1 } }, select: { id: true } });
        capacityRaised = true;
      }
      if (!(await takeSeat(tx, sessionId))) throw new Error(`Session ${sessionId}: no seat after locking and checking`);
      await tx.registration.update({
        where: { id: registrationId },
        data: { status: "CONFIRMED", waitlistPosition: null, confirmedAt: new Date() },
        select: { id: true },
      });
      await notifyRegistration(tx, registrationId, { kind: "waitlist-promoted" });
      await recordAudit(tx, {
        actor: signedIn,
        action: "attendee.promote",
        subjectType: "registration",
        subjectId: registrationId,
        details: { sessionId, override: options.override, capacityRaised },
      });
      return { ok: true as const, capacityRaised };
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}
