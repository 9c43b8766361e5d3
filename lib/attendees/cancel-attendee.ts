import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageRegistration, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { cancelRegistration } from "../registrations/cancel-registration";

export type CancelAttendeeOutcome = { ok: true; promoted: number } | { ok: false; code: "not-active" };

/** Cancels a registration for the person; the first waiting person moves up into a freed seat. */
export async function cancelAttendee(
  actor: Actor | null,
  registrationId: string,
  options: { notify: boolean } = { notify: true },
): Promise<CancelAttendeeOutcome> {
  await assertCanManageRegistration(actor, registrationId);
  return db.$transaction(
    async (tx) => {
      const { actor: signedIn, sessionId } = await assertCanManageRegistration(actor, registrationId, tx);
      const outcome = await cancelRegistration(tx, registrationId, { notify: options.notify, byOrganiser: true });
      if (!outcome.ok) return { ok: false as const, code: "not-active" as const };
      await recordAudit(tx, {
        actor: signedIn,
        action: "attendee.cancel",
        subjectType: "registration",
        subjectId: registrationId,
        details: { sessionId, previousStatus: outcome.previousStatus, promoted: outcome.promoted.length, notified: options.notify },
      });
      return { ok: true as const, promoted: outcome.promoted.length };
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}
