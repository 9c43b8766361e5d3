import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/authorisation";
import { db } from "../db";
import { assertCanManageWorkshopPart } from "./part-access";
import { forgetPublicContent } from "../cache/forget-public-content";

/** Removes a question from the form; answers already given stay with their registrations. */
export async function removeQuestion(actor: Actor | null, questionId: string): Promise<{ ok: true }> {
  return db
    .$transaction(async (tx) => {
      const { actor: signedIn, workshopId } = await assertCanManageWorkshopPart(tx, actor, { questionId });
      const removed = await tx.question.delete({ where: { id: questionId }, select: { labelDe: true } });
      await recordAudit(tx, {
        actor: signedIn,
        action: "question.delete",
        subjectType: "question",
        subjectId: questionId,
        details: { workshopId, labelDe: removed.labelDe },
      });
      return { ok: true as const };
    })
    .then(forgetPublicContent);
}
