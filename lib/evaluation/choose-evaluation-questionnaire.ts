import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageWorkshop, type Actor } from "../auth/authorisation";
import { db } from "../db";

/**
 * Switches a workshop between the programme's default questionnaire and its
 * own questions. The first switch to its own questions starts from a copy of
 * the default, so organisers adapt rather than start empty; later switches
 * keep whatever the workshop's own questions are.
 */
export async function chooseEvaluationQuestionnaire(actor: Actor | null, workshopId: string, own: boolean): Promise<{ ok: true; copied: number }> {
  await assertCanManageWorkshop(actor, workshopId);
  return db.$transaction(async (tx) => {
    const signedIn = await assertCanManageWorkshop(actor, workshopId, tx);
    const workshop = await tx.workshop.update({
      where: { id: workshopId },
      data: { evaluationOwnQuestions: own },
      select: { programmeId: true, _count: { select: { evaluationQuestions: true } } },
    });
    let copied = 0;
    if (own && workshop._count.evaluationQuestions === 0) {
      const defaults = await tx.evaluationQuestion.findMany({
        where: { programmeId: workshop.programmeId },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: {
          position: true,
          type: true,
          labelDe: true,
          labelEn: true,
          options: true,
          required: true,
          scaleLowDe: true,
          scaleLowEn: true,
          scaleHighDe: true,
          scaleHighEn: true,
        },
      });
      await tx.evaluationQuestion.createMany({ data: defaults.map((question) => ({ ...question, options: question.options ?? [], workshopId })) });
      copied = defaults.length;
    }
    await recordAudit(tx, {
      actor: signedIn,
      action: "workshop.evaluation-questionnaire",
      subjectType: "workshop",
      subjectId: workshopId,
      details: { own, copied },
    });
    return { ok: true as const, copied };
  });
}
