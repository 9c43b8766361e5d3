import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { notifyRegistration } from "./notifications";
import { fillFreeSeats, releaseSeat } from "./seats";

type Tx = Prisma.TransactionClient;

export type DecisionOutcome = { ok: true } | { ok: false; code: "not-awaiting-approval" };

async function lockAwaitingApproval(tx: Tx, registrationId: string): Promise<{ sessionId: string } | null> {
  const rows = await tx.$queryRaw<{ sessionId: string; status: string; holdExpiresAt: Date | null }[]>`
    SELECT "sessionId", "status", "holdExpiresAt" FROM "registrations" WHERE "id" = ${registrationId}::uuid FOR UPDATE`;
  const row = rows[0];
  // Awaiting approval: pending with its seat reserved and no opt-in outstanding.
  return row && row.status === "PENDING" && row.holdExpiresAt === null ? { sessionId: row.sessionId } : null;
}

/** Organisers accept a registration; its reserved seat becomes a confirmed one. Authorisation is the caller's. */
export async function approveRegistration(tx: Tx, registrationId: string, now = new Date()): Promise<DecisionOutcome> {
  if (!(await lockAwaitingApproval(tx, registrationId))) return { ok: false, code: "not-awaiting-approval" };
  await tx.registration.update({ where: { id: registrationId }, data: { status: "CONFIRMED", confirmedAt: now }, select: { id: true } });
  await notifyRegistration(tx, registrationId, { kind: "registration-approved" });
  return { ok: true };
}

/** Organisers decline a registration (with an optional message); the seat goes to the waiting list. */
export async function rejectRegistration(tx: Tx, registrationId: string, organiserMessage: string | null, now = new Date()): Promise<DecisionOutcome> {
  const awaiting = await lockAwaitingApproval(tx, registrationId);
  if (!awaiting) return { ok: false, code: "not-awaiting-approval" };
  await tx.registration.update({ where: { id: registrationId }, data: { status: "REJECTED", cancelledAt: now }, select: { id: true } });
  await releaseSeat(tx, awaiting.sessionId);
  await notifyRegistration(tx, registrationId, { kind: "registration-rejected", organiserMessage });
  await fillFreeSeats(tx, awaiting.sessionId);
  return { ok: true };
}
