import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/authorisation";
import { db } from "../db";
import { orderAfterMove } from "./order-after-move";
import { assertCanManageWorkshopPart } from "./part-access";
import { forgetPublicContent } from "../cache/forget-public-content";

/** Moves a question one place up or down in the form; positions are renumbered 0…n-1. */
export async function moveQuestion(actor: Actor | null, questionId: string, direction: "up" | "down"): Promise<{ ok: true; moved: boolean }> {
  return db
    .$transaction(async (tx) => {
      const { actor: signedIn, workshopId } = await assertCanManageWorkshopPart(tx, actor, { questionId });
      const ordered = await tx.question.findMany({ where: { workshopId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true } });
      const ids = orderAfterMove(
        ordered.map((question) => question.id),
        questionId,
        direction,
      );
      if (!ids) return { ok: true as const, moved: false };
      for (const [position, id] of ids.entries()) {
        await tx.question.update({ where: { id }, data: { position }, select: { id: true } });
      }
      await recordAudit(tx, { actor: signedIn, action: "question.move", subjectType: "question", subjectId: questionId, details: { workshopId, direction } });
      return { ok: true as const, moved: true };
    })
    .then(forgetPublicContent);
}
