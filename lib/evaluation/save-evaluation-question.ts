import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { organiserFieldErrors } from "../organiser/field-errors";
import type { Invalid } from "../organiser/form-state";
import { assertCanManageEvaluationQuestion, assertCanManageQuestionnaire, type QuestionnaireScope } from "./question-access";
import { evaluationQuestionSchema, optionValues, type QuestionOption } from "./schema";

export type SaveEvaluationQuestionOutcome =
  { ok: true; questionId: string } | Invalid | { ok: false; code: "evaluation-default-questionnaire" | "evaluation-question-answered" };

/**
 * Adds a question at the end of a questionnaire (a workshop's own or the
 * programme's default), or edits one (`questionId`). A question that has
 * answers keeps its type: the answers were given to it.
 */
export async function saveEvaluationQuestion(
  actor: Actor | null,
  target: QuestionnaireScope | { questionId: string },
  values: Record<string, unknown>,
): Promise<SaveEvaluationQuestionOutcome> {
  await db.$transaction((tx) => authorise(tx, actor, target));
  const parsed = evaluationQuestionSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const { actor: signedIn, scope } = await authorise(tx, actor, target);
    if ("workshopId" in scope) {
      const workshop = await tx.workshop.findUniqueOrThrow({ where: { id: scope.workshopId }, select: { evaluationOwnQuestions: true } });
      if (!workshop.evaluationOwnQuestions) return { ok: false as const, code: "evaluation-default-questionnaire" as const };
    }
    const rating = input.type === "RATING";
    const data = {
      type: input.type,
      labelDe: input.labelDe,
      labelEn: input.labelEn,
      required: input.required,
      scaleLowDe: rating ? input.scaleLowDe : "",
      scaleLowEn: rating ? input.scaleLowEn : "",
      scaleHighDe: rating ? input.scaleHighDe : "",
      scaleHighEn: rating ? input.scaleHighEn : "",
    };
    let questionId: string;
    if ("questionId" in target) {
      const current = await tx.evaluationQuestion.findUniqueOrThrow({
        where: { id: target.questionId },
        select: { type: true, options: true, _count: { select: { answers: true } } },
      });
      if (current._count.answers > 0 && current.type !== input.type) return { ok: false as const, code: "evaluation-question-answered" as const };
      const options = optionValues(input.options, Array.isArray(current.options) ? (current.options as QuestionOption[]) : []);
      await tx.evaluationQuestion.update({ where: { id: target.questionId }, data: { ...data, options }, select: { id: true } });
      questionId = target.questionId;
    } else {
      const last = await tx.evaluationQuestion.aggregate({ where: scope, _max: { position: true } });
      const created = await tx.evaluationQuestion.create({
        data: { ...data, ...scope, position: (last._max.position ?? -1) + 1, options: optionValues(input.options) },
        select: { id: true },
      });
      questionId = created.id;
    }
    await recordAudit(tx, {
      actor: signedIn,
      action: "questionId" in target ? "evaluation-question.update" : "evaluation-question.create",
      subjectType: "question",
      subjectId: questionId,
      details: { ...scope, type: input.type },
    });
    return { ok: true as const, questionId };
  });
}

async function authorise(tx: Prisma.TransactionClient, actor: Actor | null, target: QuestionnaireScope | { questionId: string }) {
  if ("questionId" in target) return assertCanManageEvaluationQuestion(tx, actor, target.questionId);
  return { actor: await assertCanManageQuestionnaire(tx, actor, target), scope: target };
}
