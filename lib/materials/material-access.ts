import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { AuthorizationError, assertCanManageInstrument, assertCanManageWorkshop, NotFoundError, requireActor, type Actor } from "../auth/authorisation";
import { isUuid } from "../input/uuid";
import { db } from "../db";

/** Where a material hangs: a workshop or an instrument (never both, a CHECK in the database). */
export type MaterialOwner = { workshopId: string } | { instrumentId: string };

/** Checks the actor manages the workshop or the instrument (its programme). */
export async function assertCanManageOwner(actor: Actor | null, owner: MaterialOwner, client: Prisma.TransactionClient | typeof db = db): Promise<Actor> {
  if ("workshopId" in owner) return assertCanManageWorkshop(actor, owner.workshopId, client);
  return (await assertCanManageInstrument(actor, owner.instrumentId, client)).actor;
}

/** Resolves a material's owner and checks it; unknown and foreign look the same to organisers. */
export async function assertCanManageMaterial(
  actor: Actor | null,
  materialId: string,
  client: Prisma.TransactionClient | typeof db = db,
): Promise<{ actor: Actor; owner: MaterialOwner }> {
  const signedIn = requireActor(actor);
  const row = isUuid(materialId) ? await client.material.findUnique({ where: { id: materialId }, select: { workshopId: true, instrumentId: true } }) : null;
  const owner: MaterialOwner | null = row?.workshopId ? { workshopId: row.workshopId } : row?.instrumentId ? { instrumentId: row.instrumentId } : null;
  if (!owner) {
    if (signedIn.role === "ADMIN") throw new NotFoundError(`Material ${materialId}`);
    throw new AuthorizationError();
  }
  return { actor: await assertCanManageOwner(signedIn, owner, client), owner };
}
