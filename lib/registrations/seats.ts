import "server-only";
import { Prisma } from "../generated/prisma/client";
import { notifyRegistration } from "./notifications";

type Tx = Prisma.TransactionClient;

/*
 * Seat accounting (docs/decisions/0006). A session row carries the number of
 * seats taken; taking one is a single conditional UPDATE that locks the row
 * until commit, so concurrent registrations for the same session queue on
 * that row and can never overbook, while other sessions are unaffected. The
 * database's CHECK (confirmedCount <= capacity) backs this up.
 */

// New registrations are only taken while the session's registration window is
// open; promotions from the waiting list also happen after it has closed.
export const registrationWindowOpenSql = `
  ("registrationOpensAt" IS NULL OR "registrationOpensAt" <= now())
  AND ("registrationClosesAt" IS NULL OR "registrationClosesAt" > now())
  AND "startsAt" > now()`;
const windowOpen = Prisma.raw(`AND ${registrationWindowOpenSql}`);

/** A free seat on the session row: the one rule for new registrations (insert-registration.ts) and promotions (takeSeat). */
export const seatFreeSql = `"status" = 'SCHEDULED' AND "confirmedCount" < "capacity"`;
/** The waiting list takes tickets (with the registration window open). */
export const waitlistOpenSql = `"status" = 'SCHEDULED' AND "waitlistEnabled"`;
const seatFree = Prisma.raw(seatFreeSql);
const waitlistOpen = Prisma.raw(waitlistOpenSql);

/** Takes a seat if one is free; false when the session is full or not scheduled (or, for new registrations, closed). */
export async function takeSeat(tx: Tx, sessionId: string, options: { newRegistration?: boolean } = {}): Promise<boolean> {
  const taken = await tx.$executeRaw`
    UPDATE "sessions" SET "confirmedCount" = "confirmedCount" + 1, "updatedAt" = now()
    WHERE "id" = ${sessionId}::uuid AND ${seatFree}
    ${options.newRegistration ? windowOpen : Prisma.empty}`;
  return taken === 1;
}

/**
 * Hands out the next waiting-list ticket (positions are ordered by ticket);
 * null when the session no longer takes registrations.
 */
export async function takeWaitlistTicket(tx: Tx, sessionId: string): Promise<number | null> {
  const rows = await tx.$queryRaw<{ waitlistTicket: number }[]>`
    UPDATE "sessions" SET "waitlistTicket" = "waitlistTicket" + 1, "updatedAt" = now()
    WHERE "id" = ${sessionId}::uuid AND ${waitlistOpen} ${windowOpen}
    RETURNING "waitlistTicket"`;
  return rows[0]?.waitlistTicket ?? null;
}

export async function releaseSeat(tx: Tx, sessionId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "sessions" SET "confirmedCount" = "confirmedCount" - 1, "updatedAt" = now()
    WHERE "id" = ${sessionId}::uuid`;
}

/** The 1-based place of a ticket among those still waiting (the database function waitlist_rank). */
export async function waitlistRank(tx: Tx, sessionId: string, ticket: number): Promise<number> {
  const rows = await tx.$queryRaw<{ rank: number }[]>`SELECT "waitlist_rank"(${sessionId}::uuid, ${ticket}::integer) AS "rank"`;
  return rows[0]?.rank ?? 1;
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
