import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { notifyRegistration } from "./notifications";

type Tx = Prisma.TransactionClient;

/*
 * Seat accounting (docs/decisions/0006). A session row carries the number of
 * seats taken; taking one is a single conditional UPDATE that locks the row
 * until commit, so concurrent registrations for the same session queue on
 * that row and can never overbook, while other sessions are unaffected. The
 * database's CHECK (confirmedCount <= capacity) backs this up.
 */

/** Takes a seat if one is free; false when the session is full or not scheduled. */
export async function takeSeat(tx: Tx, sessionId: string): Promise<boolean> {
  const taken = await tx.$executeRaw`
    UPDATE "sessions" SET "confirmedCount" = "confirmedCount" + 1, "updatedAt" = now()
    WHERE "id" = ${sessionId}::uuid AND "status" = 'SCHEDULED' AND "confirmedCount" < "capacity"`;
  return taken === 1;
}

/** Hands out the next waiting-list ticket (positions are ordered by ticket). */
export async function takeWaitlistTicket(tx: Tx, sessionId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ waitlistTicket: number }[]>`
    UPDATE "sessions" SET "waitlistTicket" = "waitlistTicket" + 1, "updatedAt" = now()
    WHERE "id" = ${sessionId}::uuid RETURNING "waitlistTicket"`;
  const ticket = rows[0]?.waitlistTicket;
  if (ticket === undefined) throw new Error(`Session ${sessionId} vanished while registering`);
  return ticket;
}

export async function releaseSeat(tx: Tx, sessionId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "sessions" SET "confirmedCount" = "confirmedCount" - 1, "updatedAt" = now()
    WHERE "id" = ${sessionId}::uuid`;
}

/** The 1-based place of a ticket among those still waiting. */
export async function waitlistRank(tx: Tx, sessionId: string, ticket: number): Promise<number> {
  return (
    (await tx.registration.count({ where: { sessionId, status: "WAITLISTED", waitlistPosition: { lt: ticket } } })) + 1
  );
}

/**
 * Moves waiting people up while seats are free, first come first served, in
 * the caller's transaction; each promoted person gets the promotion email
 * with the calendar invitation (in workshops with approval: the seat is
 * reserved for the organisers' decision). Returns the promoted registration ids.
 */
export async function fillFreeSeats(tx: Tx, sessionId: string): Promise<string[]> {
  const workshop = await tx.session.findUnique({ where: { id: sessionId }, select: { workshop: { select: { requiresApproval: true } } } });
  const status = workshop?.workshop.requiresApproval ? "PENDING" : "CONFIRMED";
  const promoted: string[] = [];
  for (;;) {
    const next = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "registrations"
      WHERE "sessionId" = ${sessionId}::uuid AND "status" = 'WAITLISTED'
      ORDER BY "waitlistPosition" LIMIT 1 FOR UPDATE`;
    const candidate = next[0];
    if (!candidate || !(await takeSeat(tx, sessionId))) return promoted;
    await tx.registration.update({
      where: { id: candidate.id },
      data: { status, waitlistPosition: null, confirmedAt: status === "CONFIRMED" ? new Date() : null },
      select: { id: true },
    });
    await notifyRegistration(tx, candidate.id, { kind: status === "CONFIRMED" ? "waitlist-promoted" : "registration-received" });
    promoted.push(candidate.id);
  }
}
