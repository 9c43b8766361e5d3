import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/authorisation";
import { db } from "../db";
import { assertCanManageEvaluationQuestion } from "./question-access";

export type RemoveEvaluationQuestionOutcome = { ok: true } | { ok: false; code: "evaluation-question-answered" };

/**
 * Removes a question of a workshop's own evaluation or of the programme's
 * default, unless someone has answered it (the results keep it).
 */
export async function removeEvaluationQuestion(actor: Actor | null, questionId: string): Promise<RemoveEvaluationQuestionOutcome> {
  return db.$transaction(async (tx) => {
    const { actor: signedIn, scope } = await assertCanManageEvaluationQuestion(tx, actor, questionId);
    const answers = await tx.evaluationAnswer.count({ where: { questionId } });
    if (answers > 0) return { ok: false as const, code: "evaluation-question-answered" as const };
    await tx.evaluationQuestion.delete({ where: { id: questionId }, select: { id: true } });
    await recordAudit(tx, { actor: signedIn, action: "evaluation-question.remove", subjectType: "question", subjectId: questionId, details: scope });
    return { ok: true as const };
  });
}
