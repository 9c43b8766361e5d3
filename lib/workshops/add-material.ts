import "server-only";
import { recordAudit } from "../audit/record-audit";
import { AuthorizationError, assertCanManageWorkshop, type Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Invalid } from "../organiser/form-state";
import { organiserFieldErrors } from "../organiser/field-errors";
import { mayAddMaterial } from "./publishing";
import { materialSchema } from "./schema";

export type AddMaterialOutcome = { ok: true; materialId: string } | Invalid;

/**
 * Adds a linked material (title and web address) at the end of the
 * workshop's list. On a public workshop the link appears at once, so there
 * only administrators may add one (decision 0015).
 */
export async function addMaterial(actor: Actor | null, workshopId: string, values: Record<string, unknown>): Promise<AddMaterialOutcome> {
  await assertCanManageWorkshop(actor, workshopId);
  const parsed = materialSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  return db.$transaction(async (tx) => {
    const signedIn = await assertCanManageWorkshop(actor, workshopId, tx);
    // Read in the transaction with the row locked: publishing cannot slip in between the check and the insert.
    const [workshop] = await tx.$queryRaw<{ published: boolean }[]>`SELECT "published" FROM "workshops" WHERE "id" = ${workshopId}::uuid FOR UPDATE`;
    if (!workshop || !mayAddMaterial(signedIn.role, workshop.published)) throw new AuthorizationError("Administrators add links to public workshops");
    const last = await tx.material.aggregate({ where: { workshopId }, _max: { position: true } });
    const material = await tx.material.create({
      data: { workshopId, position: (last._max.position ?? -1) + 1, title: parsed.data.title, url: parsed.data.url },
      select: { id: true },
    });
    await recordAudit(tx, { actor: signedIn, action: "material.create", subjectType: "material", subjectId: material.id, details: { workshopId, title: parsed.data.title } });
    return { ok: true as const, materialId: material.id };
  });
}
