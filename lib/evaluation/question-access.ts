import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { AuthorizationError, assertCanManageWorkshop, NotFoundError, requireActor, type Actor } from "../auth/authorisation";
import { isUuid } from "../input/uuid";

/**
 * Resolves a workshop's own evaluation question and checks the actor manages
 * the workshop. The programme's default questions are not edited through a
 * workshop: for an organiser they look like any question that is not theirs.
 */
export async function assertCanManageEvaluationQuestion(
  tx: Prisma.TransactionClient,
  actor: Actor | null,
  questionId: string,
): Promise<{ actor: Actor; workshopId: string }> {
  const signedIn = requireActor(actor);
  const row = isUuid(questionId) ? await tx.evaluationQuestion.findUnique({ where: { id: questionId }, select: { workshopId: true } }) : null;
  if (!row?.workshopId) {
    if (signedIn.role === "ADMIN") throw new NotFoundError(questionId);
    throw new AuthorizationError();
  }
  await assertCanManageWorkshop(signedIn, row.workshopId, tx);
  return { actor: signedIn, workshopId: row.workshopId };
}
