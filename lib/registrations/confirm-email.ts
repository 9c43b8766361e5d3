import "server-only";
import { db } from "../db";
import { notifyRegistration } from "./notifications";

export type ConfirmEmailOutcome =
  | { ok: true; status: "CONFIRMED" | "PENDING" }
  | { ok: false; code: "not-pending" | "hold-expired" };

/**
 * Double opt-in: the person clicked the link in the first email (and pressed
 * the button: link scanners only fetch, they do not post). The held seat
 * becomes theirs, or, in workshops with approval, stays reserved for the
 * organisers' decision.
 */
export async function confirmEmail(registrationId: string, now = new Date()): Promise<ConfirmEmailOutcome> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string; holdExpiresAt: Date | null; emailConfirmedAt: Date | null; requiresApproval: boolean }[]>`
      SELECT r."status", r."holdExpiresAt", r."emailConfirmedAt", w."requiresApproval"
      FROM "registrations" r JOIN "sessions" s ON s."id" = r."sessionId" JOIN "workshops" w ON w."id" = s."workshopId"
      WHERE r."id" = ${registrationId}::uuid FOR UPDATE OF r`;
    const registration = rows[0];
    if (!registration || registration.status !== "PENDING" || registration.emailConfirmedAt) return { ok: false as const, code: "not-pending" as const };
    if (registration.holdExpiresAt && registration.holdExpiresAt <= now) return { ok: false as const, code: "hold-expired" as const };
    const status = registration.requiresApproval ? "PENDING" : "CONFIRMED";
    await tx.registration.update({
      where: { id: registrationId },
      data: { status, emailConfirmedAt: now, holdExpiresAt: null, confirmedAt: status === "CONFIRMED" ? now : null },
      select: { id: true },
    });
    await notifyRegistration(tx, registrationId, { kind: status === "CONFIRMED" ? "registration-confirmed" : "registration-received" });
    return { ok: true as const, status };
  });
}
