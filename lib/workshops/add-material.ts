import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageWorkshop, type Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Invalid } from "../organiser/form-state";
import { organiserFieldErrors } from "../organiser/field-errors";
import { materialSchema } from "./schema";

export type AddMaterialOutcome = { ok: true; materialId: string } | Invalid;

/** Adds a linked material (title and web address) at the end of the workshop's list. */
export async function addMaterial(actor: Actor | null, workshopId: string, values: Record<string, unknown>): Promise<AddMaterialOutcome> {
  await assertCanManageWorkshop(actor, workshopId);
  const parsed = materialSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  return db.$transaction(async (tx) => {
    const signedIn = await assertCanManageWorkshop(actor, workshopId, tx);
    const last = await tx.material.aggregate({ where: { workshopId }, _max: { position: true } });
    const material = await tx.material.create({
      data: { workshopId, position: (last._max.position ?? -1) + 1, title: parsed.data.title, url: parsed.data.url },
      select: { id: true },
    });
    await recordAudit(tx, { actor: signedIn, action: "material.create", subjectType: "material", subjectId: material.id, details: { workshopId, title: parsed.data.title } });
    return { ok: true as const, materialId: material.id };
  });
}
