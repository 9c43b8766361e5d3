import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/authorisation";
import { db } from "../db";
import { assertCanManageWorkshopPart } from "./part-access";

export async function removeMaterial(actor: Actor | null, materialId: string): Promise<{ ok: true }> {
  return db.$transaction(async (tx) => {
    const { actor: signedIn, workshopId } = await assertCanManageWorkshopPart(tx, actor, { materialId });
    const removed = await tx.material.delete({ where: { id: materialId }, select: { title: true } });
    await recordAudit(tx, { actor: signedIn, action: "material.delete", subjectType: "material", subjectId: materialId, details: { workshopId, title: removed.title } });
    return { ok: true as const };
  });
}
