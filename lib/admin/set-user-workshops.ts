import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertAdmin, NotFoundError, type Actor } from "../auth/authorisation";
import { isUuid } from "../input/uuid";
import { db } from "../db";
import type { Invalid } from "../organiser/form-state";
import { workshopIdsSchema } from "./schema";

export type SetWorkshopsOutcome = { ok: true; assigned: number; unassigned: number } | Invalid;

/**
 * Sets the workshops a user looks after to exactly `workshopIds`: missing
 * assignments are added, others removed, each change with its own audit
 * event ("user.assign", "user.unassign") in the same transaction.
 */
export async function setUserWorkshops(actor: Actor | null, userId: string, workshopIds: unknown): Promise<SetWorkshopsOutcome> {
  const admin = assertAdmin(actor);
  const parsed = workshopIdsSchema.safeParse(workshopIds);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: { workshopIds: "invalid" } };
  const wanted = new Set(parsed.data);
  return db.$transaction(async (tx) => {
    const user = isUuid(userId)
      ? await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, workshops: { select: { workshopId: true } } } })
      : null;
    if (!user) throw new NotFoundError(`User ${userId}`);
    const workshops = await tx.workshop.findMany({
      where: { id: { in: [...wanted, ...user.workshops.map((entry) => entry.workshopId)] } },
      select: { id: true, title: true },
    });
    const titles = new Map(workshops.map((workshop) => [workshop.id, workshop.title]));
    if ([...wanted].some((id) => !titles.has(id))) return { ok: false as const, code: "invalid" as const, fieldErrors: { workshopIds: "invalid" } };

    const current = new Set(user.workshops.map((entry) => entry.workshopId));
    const added = [...wanted].filter((id) => !current.has(id));
    const removed = [...current].filter((id) => !wanted.has(id));
    if (added.length > 0) await tx.workshopAssignment.createMany({ data: added.map((workshopId) => ({ userId: user.id, workshopId })), skipDuplicates: true });
    if (removed.length > 0) await tx.workshopAssignment.deleteMany({ where: { userId: user.id, workshopId: { in: removed } } });
    for (const [action, ids] of [
      ["user.assign", added],
      ["user.unassign", removed],
    ] as const) {
      for (const workshopId of ids) {
        await recordAudit(tx, {
          actor: admin,
          action,
          subjectType: "user",
          subjectId: user.id,
          details: { email: user.email, workshopId, workshop: titles.get(workshopId) ?? null },
        });
      }
    }
    return { ok: true as const, assigned: added.length, unassigned: removed.length };
  });
}
