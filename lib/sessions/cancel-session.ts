import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageSession, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { renderSessionCancelled } from "../email/templates/session-cancelled";
import type { Invalid } from "../organiser/form-state";
import { calendarAttachment, invitationFor } from "../email/registration-email";
import { organiserFieldErrors } from "../organiser/field-errors";
import { lockSession } from "./lock-session";
import { cancelSessionSchema } from "./schema";
import { mailBase, mailSession, sendToRegistration, sessionMailContexts } from "./session-mail";
import { forgetPublicContent } from "../cache/forget-public-content";

export type CancelSessionOutcome = { ok: true; notified: number; cancelledRegistrations: number } | Invalid | { ok: false; code: "session-cancelled" };

/**
 * Calls a session off: it is marked cancelled with a raised SEQUENCE, every
 * active registration ends, confirmed seats get the notice with a calendar
 * cancellation (METHOD:CANCEL), everyone else the notice alone.
 */
export async function cancelSession(actor: Actor | null, sessionId: string, values: Record<string, unknown>): Promise<CancelSessionOutcome> {
  await assertCanManageSession(actor, sessionId);
  const parsed = cancelSessionSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };

  return db
    .$transaction(
      async (tx) => {
        const { actor: signedIn } = await assertCanManageSession(actor, sessionId, tx);
        const current = await lockSession(tx, sessionId);
        if (current.status === "CANCELLED") return { ok: false as const, code: "session-cancelled" as const };

        // Loaded before the update: invitationFor(…, "CANCEL") adds one to the
        // sequence, which makes the cancellation carry the raised SEQUENCE.
        const contexts = await sessionMailContexts(tx, sessionId, ["CONFIRMED", "WAITLISTED", "PENDING"]);
        await tx.session.update({
          where: { id: sessionId },
          data: { status: "CANCELLED", sequence: { increment: 1 }, confirmedCount: 0 },
          select: { id: true },
        });
        const { count } = await tx.registration.updateMany({
          where: { sessionId, status: { in: ["CONFIRMED", "WAITLISTED", "PENDING"] } },
          data: { status: "CANCELLED", cancelledAt: new Date(), waitlistPosition: null, holdExpiresAt: null },
        });
        for (const context of contexts) {
          const base = mailBase(context);
          const email = renderSessionCancelled({ ...base, session: mailSession(context), organiserMessage: parsed.data.message || null });
          const attachments = context.status === "CONFIRMED" ? [calendarAttachment(invitationFor(context, "CANCEL"), "CANCEL", base.locale)] : [];
          await sendToRegistration(tx, "session-cancelled", context, email, attachments);
        }
        await recordAudit(tx, {
          actor: signedIn,
          action: "session.cancel",
          subjectType: "session",
          subjectId: sessionId,
          details: { notified: contexts.length, cancelledRegistrations: count, withMessage: Boolean(parsed.data.message) },
        });
        return { ok: true as const, notified: contexts.length, cancelledRegistrations: count };
      },
      { maxWait: 30_000, timeout: 60_000 },
    )
    .then(forgetPublicContent);
}
