import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertAdmin, NotFoundError, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { isUuid } from "../input/uuid";
import { organiserFieldErrors } from "../organiser/field-errors";
import type { Invalid } from "../organiser/form-state";
import { evaluationDefaultsSchema } from "./schema";

/**
 * The programme's evaluation defaults: when the link goes out, when the
 * reminder follows, how many answers a breakdown needs. Every workshop
 * without its own numbers follows them, so administrators only, like the
 * programme's default questionnaire (docs/decisions/0034, 0037).
 */
export async function updateEvaluationDefaults(actor: Actor | null, programmeId: string, values: Record<string, unknown>): Promise<{ ok: true } | Invalid> {
  assertAdmin(actor);
  if (!isUuid(programmeId)) throw new NotFoundError(`Programme ${programmeId}`);
  const parsed = evaluationDefaultsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const admin = assertAdmin(actor);
    const before = await tx.programme.findUnique({
      where: { id: programmeId },
      select: { evaluationDelayHours: true, evaluationReminderDays: true, evaluationMinimumAnswers: true },
    });
    if (!before) throw new NotFoundError(`Programme ${programmeId}`);
    await tx.programme.update({
      where: { id: programmeId },
      data: { evaluationDelayHours: input.delayHours, evaluationReminderDays: input.reminderDays, evaluationMinimumAnswers: input.minimumAnswers },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor: admin,
      action: "programme.evaluation-defaults",
      subjectType: "programme",
      subjectId: programmeId,
      details: {
        delayHours: { from: before.evaluationDelayHours, to: input.delayHours },
        reminderDays: { from: before.evaluationReminderDays, to: input.reminderDays },
        minimumAnswers: { from: before.evaluationMinimumAnswers, to: input.minimumAnswers },
      },
    });
    return { ok: true as const };
  });
}
