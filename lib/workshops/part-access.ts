import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { AuthorizationError, assertCanManageWorkshop, NotFoundError, requireActor, type Actor } from "../auth/authorisation";
import { isUuid } from "../input/uuid";

/** Resolves a question's workshop and checks the actor manages it (materials: lib/materials/material-access.ts). */
export async function assertCanManageWorkshopPart(
  tx: Prisma.TransactionClient,
  actor: Actor | null,
  part: { questionId: string },
): Promise<{ actor: Actor; workshopId: string }> {
  const signedIn = requireActor(actor);
  const id = part.questionId;
  const row = isUuid(id) ? await tx.question.findUnique({ where: { id }, select: { workshopId: true } }) : null;
  if (!row) {
    if (signedIn.role === "ADMIN") throw new NotFoundError(id);
    throw new AuthorizationError();
  }
  await assertCanManageWorkshop(signedIn, row.workshopId, tx);
  return { actor: signedIn, workshopId: row.workshopId };
}
