import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageRegistration, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { approveRegistration, rejectRegistration } from "../registrations/decide-registration";

export type DecideAttendeeOutcome = { ok: true } | { ok: false; code: "not-awaiting-approval" };

/** Organisers accept or decline a registration that waits for approval; the person is told by email. */
export async function decideAttendee(
  actor: Actor | null,
  registrationId: string,
  decision: { approve: true } | { approve: false; message: string | null },
): Promise<DecideAttendeeOutcome> {
  await assertCanManageRegistration(actor, registrationId);
  return db.$transaction(
    async (tx) => {
      const { actor: signedIn, sessionId } = await assertCanManageRegistration(actor, registrationId, tx);
      const outcome = decision.approve
        ? await approveRegistration(tx, registrationId)
        : await rejectRegistration(tx, registrationId, decision.message?.trim().slice(0, 2000) || null);
      if (!outcome.ok) return outcome;
      await recordAudit(tx, {
        actor: signedIn,
        action: decision.approve ? "attendee.approve" : "attendee.reject",
        subjectType: "registration",
        subjectId: registrationId,
        details: { sessionId, withMessage: !decision.approve && Boolean(decision.message?.trim()) },
      });
      return { ok: true as const };
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}
