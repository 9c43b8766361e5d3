import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/authorisation";
import { db } from "../db";
import { assertCanManageMaterial } from "./material-access";
import { materialStorage } from "./storage/postgres-storage";
import { forgetPublicContent } from "../cache/forget-public-content";

/** Removes a material and, for a file, its stored bytes in the same transaction. */
export async function removeMaterial(actor: Actor | null, materialId: string): Promise<{ ok: true }> {
  return db
    .$transaction(async (tx) => {
      const { actor: signedIn, owner } = await assertCanManageMaterial(actor, materialId, tx);
      const removed = await tx.material.delete({ where: { id: materialId }, select: { title: true, storageKey: true } });
      if (removed.storageKey) await materialStorage().delete(tx, removed.storageKey);
      await recordAudit(tx, {
        actor: signedIn,
        action: "material.delete",
        subjectType: "material",
        subjectId: materialId,
        details: { ...owner, title: removed.title },
      });
      return { ok: true as const };
    })
    .then(forgetPublicContent);
}
