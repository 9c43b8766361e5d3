import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { notifyRegistration } from "./notifications";
import { fillFreeSeats, releaseSeat } from "./seats";

type Tx = Prisma.TransactionClient;

export type CancelOutcome = { ok: true; previousStatus: "CONFIRMED" | "WAITLISTED" | "PENDING"; promoted: string[] } | { ok: false; code: "not-active" };

/**
 * Cancels a registration in the caller's transaction: frees its seat (if it
 * had one), promotes the first waiting person into it, and writes the
 * cancellation (with METHOD:CANCEL for a held seat) and promotion emails.
 */
export async function cancelRegistration(tx: Tx, registrationId: string, options: { notify?: boolean; byOrganiser?: boolean } = {}): Promise<CancelOutcome> {
  const rows = await tx.$queryRaw<{ sessionId: string; status: "PENDING" | "CONFIRMED" | "WAITLISTED" | "CANCELLED" | "REJECTED" }[]>`
    SELECT "sessionId", "status" FROM "registrations" WHERE "id" = ${registrationId}::uuid FOR UPDATE`;
  const current = rows[0];
  if (!current || current.status === "CANCELLED" || current.status === "REJECTED") return { ok: false, code: "not-active" };

  await tx.registration.update({
    where: { id: registrationId },
    data: { status: "CANCELLED", cancelledAt: new Date(), waitlistPosition: null, holdExpiresAt: null },
    select: { id: true },
  });
  let promoted: string[] = [];
  if (current.status === "CONFIRMED" || current.status === "PENDING") {
    await releaseSeat(tx, current.sessionId);
    promoted = await fillFreeSeats(tx, current.sessionId);
  }
  if (options.notify !== false) {
    await notifyRegistration(tx, registrationId, { kind: "cancellation-confirmed", previousStatus: current.status, byOrganiser: options.byOrganiser });
  }
  return { ok: true, previousStatus: current.status, promoted };
}
