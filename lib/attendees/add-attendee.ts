import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageSession, type Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Invalid } from "../organiser/form-state";
import { notifyRegistration } from "../registrations/notifications";
import { organiserFieldErrors } from "../organiser/field-errors";
import { takeSeat } from "../registrations/seats";
import { lockSession } from "../sessions/lock-session";
import { addAttendeeSchema } from "./schema";

export type AddAttendeeOutcome =
  | { ok: true; registrationId: string; capacityRaised: boolean }
  | Invalid
  | { ok: false; code: "session-full"; capacity: number }
  | { ok: false; code: "already-registered" | "session-cancelled" | "no-privacy-notice" };

/**
 * An organiser adds a person by hand, with a confirmed seat. When the session
 * is full this needs the explicit override, which raises the capacity by one
 * so the seat count stays within it (the database checks that).
 */
export async function addAttendee(actor: Actor | null, sessionId: string, values: Record<string, unknown>): Promise<AddAttendeeOutcome> {
  await assertCanManageSession(actor, sessionId);
  const parsed = addAttendeeSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const input = parsed.data;

  return db.$transaction(
    async (tx) => {
      const { actor: signedIn, workshopId } = await assertCanManageSession(actor, sessionId, tx);
      const session = await lockSession(tx, sessionId);
      if (session.status === "CANCELLED") return { ok: false as const, code: "session-cancelled" as const };
      const active = await tx.registration.findFirst({
        where: { sessionId, email: input.email, status: { in: ["PENDING", "CONFIRMED", "WAITLISTED"] } },
        select: { id: true },
      });
      if (active) return { ok: false as const, code: "already-registered" as const };
      const notice = await tx.privacyNotice.findFirst({
        where: { programme: { workshops: { some: { id: workshopId } } } },
        orderBy: { version: "desc" },
        select: { id: true },
      });
      if (!notice) return { ok: false as const, code: "no-privacy-notice" as const };

      let capacityRaised = false;
      if (session.confirmedCount >= session.capacity) {
        if (!input.override) return { ok: false as const, code: "session-full" as const, capacity: session.capacity };
        await tx.session.update({ where: { id: sessionId }, data: { capacity: { increment: 1 } }, select: { id: true } });
        capacityRaised = true;
      }
      if (!(await takeSeat(tx, sessionId))) throw new Error(`Session ${sessionId}: no seat after locking and checking`);

      const now = new Date();
      const registration = await tx.registration.create({
        data: {
          sessionId,
          status: "CONFIRMED",
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email,
          organisation: input.organisation,
          role: input.role,
          locale: "de",
          privacyNoticeId: notice.id,
          // Added by the organisers, who answer for the person's consent.
          consentedAt: now,
          confirmedAt: now,
        },
        select: { id: true },
      });
      if (input.notify) await notifyRegistration(tx, registration.id, { kind: "registration-confirmed" });
      await recordAudit(tx, {
        actor: signedIn,
        action: "attendee.add",
        subjectType: "registration",
        subjectId: registration.id,
        details: { sessionId, override: input.override, capacityRaised, notified: input.notify },
      });
      return { ok: true as const, registrationId: registration.id, capacityRaised };
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}
