import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageWorkshop, type Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Invalid } from "../organiser/form-state";
import { organiserFieldErrors } from "../organiser/field-errors";
import { assertCanManageWorkshopPart } from "./part-access";
import { optionValues, questionSchema, type QuestionOption } from "./schema";
import { forgetPublicContent } from "../cache/forget-public-content";

export type SaveQuestionOutcome = { ok: true; questionId: string } | Invalid;

/**
 * Adds a question to the workshop's registration form (at the end), or edits
 * one (`questionId`). A question a report counts (`reportKey`) keeps its type
 * and options, whatever the form sends: their values are what is counted.
 */
export async function saveQuestion(
  actor: Actor | null,
  target: { workshopId: string } | { questionId: string },
  values: Record<string, unknown>,
): Promise<SaveQuestionOutcome> {
  await db.$transaction((tx) => authorise(tx, actor, target));
  const parsed = questionSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const input = parsed.data;
  return db
    .$transaction(async (tx) => {
      const { actor: signedIn, workshopId } = await authorise(tx, actor, target);
      const data = { type: input.type, labelDe: input.labelDe, labelEn: input.labelEn, required: input.required };
      let questionId: string;
      if ("questionId" in target) {
        const current = await tx.question.findUniqueOrThrow({ where: { id: target.questionId }, select: { options: true, reportKey: true } });
        const previous = Array.isArray(current.options) ? (current.options as QuestionOption[]) : [];
        const fixed = current.reportKey !== null;
        await tx.question.update({
          where: { id: target.questionId },
          data: fixed ? { labelDe: data.labelDe, labelEn: data.labelEn, required: data.required } : { ...data, options: optionValues(input.options, previous) },
          select: { id: true },
        });
        questionId = target.questionId;
      } else {
        const last = await tx.question.aggregate({ where: { workshopId }, _max: { position: true } });
        const created = await tx.question.create({
          data: { ...data, workshopId, position: (last._max.position ?? -1) + 1, options: optionValues(input.options) },
          select: { id: true },
        });
        questionId = created.id;
      }
      await recordAudit(tx, {
        actor: signedIn,
        action: "questionId" in target ? "question.update" : "question.create",
        subjectType: "question",
        subjectId: questionId,
        details: { workshopId, type: input.type },
      });
      return { ok: true as const, questionId };
    })
    .then(forgetPublicContent);
}

async function authorise(tx: Prisma.TransactionClient, actor: Actor | null, target: { workshopId: string } | { questionId: string }) {
  if ("questionId" in target) return assertCanManageWorkshopPart(tx, actor, target);
  return { actor: await assertCanManageWorkshop(actor, target.workshopId, tx), workshopId: target.workshopId };
}
