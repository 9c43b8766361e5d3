import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Invalid } from "../organiser/form-state";
import { organiserFieldErrors } from "../organiser/field-errors";
import { zonedToInstant } from "../time/zoned";
import { materialSchema } from "../workshops/schema";
import { assertCanManageOwner, type MaterialOwner } from "./material-access";

export type AddMaterialOutcome = { ok: true; materialId: string } | Invalid;

/** Materials' "available from" is entered as German wall-clock time, like session times. */
export const MATERIAL_TIME_ZONE = "Europe/Berlin";

export function availableFromInstant(local: string | null): Date | null {
  if (!local) return null;
  const [date = "", time = ""] = local.split("T");
  return zonedToInstant(date, time, MATERIAL_TIME_ZONE);
}

/** The next position at the end of the owner's list. */
export async function nextMaterialPosition(tx: Prisma.TransactionClient, owner: MaterialOwner): Promise<number> {
  const last = await tx.material.aggregate({ where: owner, _max: { position: true } });
  return (last._max.position ?? -1) + 1;
}

/** Adds a linked material (title and web address) at the end of a workshop's or an instrument's list. */
export async function addMaterial(actor: Actor | null, owner: MaterialOwner, values: Record<string, unknown>): Promise<AddMaterialOutcome> {
  await assertCanManageOwner(actor, owner);
  const parsed = materialSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const signedIn = await assertCanManageOwner(actor, owner, tx);
    const material = await tx.material.create({
      data: {
        ...owner,
        position: await nextMaterialPosition(tx, owner),
        title: input.title,
        url: input.url,
        language: input.language,
        availableFrom: availableFromInstant(input.availableFrom),
      },
      select: { id: true },
    });
    await recordAudit(tx, { actor: signedIn, action: "material.create", subjectType: "material", subjectId: material.id, details: { ...owner, title: input.title } });
    return { ok: true as const, materialId: material.id };
  });
}
