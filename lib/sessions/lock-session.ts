import "server-only";
import type { Prisma } from "../generated/prisma/client";

const lockedSelect = {
  id: true,
  workshopId: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  capacity: true,
  confirmedCount: true,
  status: true,
  format: true,
  joinUrl: true,
  location: true,
  sequence: true,
} as const;

/**
 * Locks the session row until commit (registrations take seats with an
 * UPDATE on the same row, so they wait) and reads it as it is now.
 */
export async function lockSession(tx: Prisma.TransactionClient, sessionId: string) {
  await tx.$queryRaw`SELECT 1 FROM "sessions" WHERE "id" = ${sessionId}::uuid FOR UPDATE`;
  return tx.session.findUniqueOrThrow({ where: { id: sessionId }, select: lockedSelect });
}

export type LockedSession = Awaited<ReturnType<typeof lockSession>>;
