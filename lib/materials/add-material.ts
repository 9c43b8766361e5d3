import "server-only";
import { recordAudit } from "../audit/record-audit";
import { AuthorizationError, type Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { Invalid } from "../organiser/form-state";
import { organiserFieldErrors } from "../organiser/field-errors";
import { zonedToInstant } from "../time/zoned";
import { mayAddMaterial } from "../workshops/publishing";
import { materialSchema } from "../workshops/schema";
import { assertCanManageOwner, type MaterialOwner } from "./material-access";
import { forgetPublicContent } from "../cache/forget-public-content";

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

/**
 * Whether the owner's materials are on the public pages now: a published
 * workshop, or an instrument that a published workshop presents. Read with
 * the workshop rows locked, so publishing cannot slip in between the check
 * and the insert.
 */
async function ownerIsPublic(tx: Prisma.TransactionClient, owner: MaterialOwner): Promise<boolean> {
  const [row] =
    "workshopId" in owner
      ? await tx.$queryRaw<{ published: boolean }[]>`SELECT "published" FROM "workshops" WHERE "id" = ${owner.workshopId}::uuid FOR UPDATE`
      : await tx.$queryRaw<{ published: boolean }[]>`
          SELECT count(*) FILTER (WHERE w."published") > 0 AS "published"
          FROM (SELECT w."published" FROM "workshop_instruments" wi JOIN "workshops" w ON w."id" = wi."workshopId"
                WHERE wi."instrumentId" = ${owner.instrumentId}::uuid FOR UPDATE OF w) w`;
  return row?.published === true;
}

/**
 * Adds a linked material (title and web address) at the end of a workshop's
 * or an instrument's list. Where the link would appear on the public pages at
 * once, only administrators may add it (decision 0015).
 */
export async function addMaterial(actor: Actor | null, owner: MaterialOwner, values: Record<string, unknown>): Promise<AddMaterialOutcome> {
  await assertCanManageOwner(actor, owner);
  const parsed = materialSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const input = parsed.data;
  return db
    .$transaction(async (tx) => {
      const signedIn = await assertCanManageOwner(actor, owner, tx);
      if (!mayAddMaterial(signedIn.role, await ownerIsPublic(tx, owner))) throw new AuthorizationError("Administrators add links to public pages");
      const material = await tx.material.create({
        data: {
          ...owner,
          position: await nextMaterialPosition(tx, owner),
          title: input.title,
          titleEn: input.titleEn,
          url: input.url,
          language: input.language,
          availableFrom: availableFromInstant(input.availableFrom),
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: signedIn,
        action: "material.create",
        subjectType: "material",
        subjectId: material.id,
        details: { ...owner, title: input.title },
      });
      return { ok: true as const, materialId: material.id };
    })
    .then(forgetPublicContent);
}
