import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { AuthorizationError, assertAdmin, assertCanManageWorkshop, NotFoundError, requireActor, type Actor } from "../auth/authorisation";
import { isUuid } from "../input/uuid";

/** Whose questionnaire a question belongs to: a workshop's own, or the programme's default. */
export type QuestionnaireScope = { workshopId: string } | { programmeId: string };

/**
 * Checks the actor may edit a questionnaire: a workshop's own through
 * managing the workshop, the programme's default only as an administrator,
 * like the programme's other settings (decision 0034).
 */
export async function assertCanManageQuestionnaire(tx: Prisma.TransactionClient, actor: Actor | null, scope: QuestionnaireScope): Promise<Actor> {
  if ("workshopId" in scope) return assertCanManageWorkshop(actor, scope.workshopId, tx);
  const admin = assertAdmin(actor);
  const programme = isUuid(scope.programmeId) ? await tx.programme.findUnique({ where: { id: scope.programmeId }, select: { id: true } }) : null;
  if (!programme) throw new NotFoundError(`Programme ${scope.programmeId}`);
  return admin;
}

/**
 * Resolves an evaluation question to its questionnaire and checks the actor
 * may edit that. For an organiser, a question that is unknown or not theirs
 * (another workshop's, or the programme's default) looks the same.
 */
export async function assertCanManageEvaluationQuestion(
  tx: Prisma.TransactionClient,
  actor: Actor | null,
  questionId: string,
): Promise<{ actor: Actor; scope: QuestionnaireScope }> {
  const signedIn = requireActor(actor);
  const row = isUuid(questionId)
    ? await tx.evaluationQuestion.findUnique({ where: { id: questionId }, select: { workshopId: true, programmeId: true } })
    : null;
  const scope: QuestionnaireScope | null = row?.workshopId ? { workshopId: row.workshopId } : row?.programmeId ? { programmeId: row.programmeId } : null;
  if (!scope) {
    if (signedIn.role === "ADMIN") throw new NotFoundError(questionId);
    throw new AuthorizationError();
  }
  return { actor: await assertCanManageQuestionnaire(tx, signedIn, scope), scope };
}
