import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageWorkshop, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { organiserFieldErrors } from "../organiser/field-errors";
import type { Invalid } from "../organiser/form-state";
import { evaluationSettingsSchema } from "./schema";

/** When and to whom a workshop's evaluation goes, and how many answers a session needs before its breakdown is shown. */
export async function updateEvaluationSettings(actor: Actor | null, workshopId: string, values: Record<string, unknown>): Promise<{ ok: true } | Invalid> {
  await assertCanManageWorkshop(actor, workshopId);
  const parsed = evaluationSettingsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const signedIn = await assertCanManageWorkshop(actor, workshopId, tx);
    await tx.workshop.update({
      where: { id: workshopId },
      data: {
        evaluationEnabled: input.enabled,
        evaluationRecipients: input.recipients,
        evaluationDelayHours: input.delayHours,
        evaluationReminderDays: input.reminderDays,
        evaluationMinimumAnswers: input.minimumAnswers,
      },
      select: { id: true },
    });
    await recordAudit(tx, { actor: signedIn, action: "workshop.evaluation-settings", subjectType: "workshop", subjectId: workshopId, details: { ...input } });
    return { ok: true as const };
  });
}
