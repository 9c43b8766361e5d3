import "server-only";
import type { Prisma } from "../generated/prisma/client";

export type NewUser = { email: string; role: "ADMIN" | "ORGANISER"; name?: string | null; workshopIds?: string[] };

/**
 * Creates a user (or updates role and reactivates an existing one) and assigns
 * workshops. Used by `npm run user:add` and for ADMIN_EMAILS on first sign-in.
 */
export async function addUser(tx: Prisma.TransactionClient, user: NewUser): Promise<{ id: string; created: boolean }> {
  const email = user.email.trim().toLowerCase();
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
  const saved = existing
    ? await tx.user.update({
        where: { id: existing.id },
        data: { role: user.role, active: true, ...(user.name ? { name: user.name } : {}) },
        select: { id: true },
      })
    : await tx.user.create({ data: { email, role: user.role, name: user.name ?? null }, select: { id: true } });
  for (const workshopId of user.workshopIds ?? []) {
    await tx.workshopAssignment.upsert({
      where: { userId_workshopId: { userId: saved.id, workshopId } },
      create: { userId: saved.id, workshopId },
      update: {},
      select: { userId: true },
    });
  }
  return { id: saved.id, created: !existing };
}
