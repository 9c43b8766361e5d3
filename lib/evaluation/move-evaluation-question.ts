import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/authorisation";
import { db } from "../db";
import { orderAfterMove } from "../workshops/order-after-move";
import { assertCanManageEvaluationQuestion } from "./question-access";

/**
 * Moves a question one place up or down in its questionnaire (a workshop's
 * own or the programme's default); positions are renumbered 0…n-1.
 */
export async function moveEvaluationQuestion(actor: Actor | null, questionId: string, direction: "up" | "down"): Promise<{ ok: true; moved: boolean }> {
  return db.$transaction(async (tx) => {
    const { actor: signedIn, scope } = await assertCanManageEvaluationQuestion(tx, actor, questionId);
    const ordered = await tx.evaluationQuestion.findMany({ where: scope, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true } });
    const ids = orderAfterMove(
      ordered.map((question) => question.id),
      questionId,
      direction,
    );
    if (!ids) return { ok: true as const, moved: false };
    for (const [position, id] of ids.entries()) {
      await tx.evaluationQuestion.update({ where: { id }, data: { position }, select: { id: true } });
    }
    await recordAudit(tx, {
      actor: signedIn,
      action: "evaluation-question.move",
      subjectType: "question",
      subjectId: questionId,
      details: { ...scope, direction },
    });
    return { ok: true as const, moved: true };
  });
}
