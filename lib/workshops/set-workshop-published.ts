import "server-only";
import { recordAudit } from "../audit/record-audit";
import { AuthorizationError, assertCanManageWorkshop, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { mayPublish } from "./publishing";
import { forgetPublicContent } from "../cache/forget-public-content";

/**
 * Shows the workshop on the public pages (administrators only, decision
 * 0015), or hides it (its registrations stay; whoever manages it may).
 */
export async function setWorkshopPublished(actor: Actor | null, workshopId: string, published: boolean): Promise<{ ok: true }> {
  const checked = await assertCanManageWorkshop(actor, workshopId);
  if (published && !mayPublish(checked.role)) throw new AuthorizationError("Administrators publish");
  return db
    .$transaction(async (tx) => {
      const signedIn = await assertCanManageWorkshop(actor, workshopId, tx);
      if (published && !mayPublish(signedIn.role)) throw new AuthorizationError("Administrators publish");
      await tx.workshop.update({ where: { id: workshopId }, data: { published }, select: { id: true } });
      await recordAudit(tx, { actor: signedIn, action: published ? "workshop.publish" : "workshop.unpublish", subjectType: "workshop", subjectId: workshopId });
      return { ok: true as const };
    })
    .then(forgetPublicContent);
}
