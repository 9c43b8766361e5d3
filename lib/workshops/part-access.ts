import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { AuthorizationError, assertCanManageWorkshop, NotFoundError, requireActor, type Actor } from "../auth/authorisation";
import { isUuid } from "../input/uuid";

/** Resolves a question's or material's workshop and checks the actor manages it. */
export async function assertCanManageWorkshopPart(
  tx: Prisma.TransactionClient,
  actor: Actor | null,
  part: { questionId: string } | { materialId: string },
): Promise<{ actor: Actor; workshopId: string }> {
  const signedIn = requireActor(actor);
  const id = "questionId" in part ? part.questionId : part.materialId;
  const row = !isUuid(id)
    ? null
    : "questionId" in part
      ? await tx.question.findUnique({ where: { id }, select: { workshopId: true } })
      : await tx.material.findUnique({ where: { id }, select: { workshopId: true } });
  if (!row) {
    if (signedIn.role === "ADMIN") throw new NotFoundError(id);
    throw new AuthorizationError();
  }
  await assertCanManageWorkshop(signedIn, row.workshopId, tx);
  return { actor: signedIn, workshopId: row.workshopId };
}
