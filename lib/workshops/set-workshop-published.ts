import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageWorkshop, type Actor } from "../auth/authorisation";
import { db } from "../db";

/** Shows the workshop on the public pages, or hides it (its registrations stay). */
export async function setWorkshopPublished(actor: Actor | null, workshopId: string, published: boolean): Promise<{ ok: true }> {
  await assertCanManageWorkshop(actor, workshopId);
  return db.$transaction(async (tx) => {
    const signedIn = await assertCanManageWorkshop(actor, workshopId, tx);
    await tx.workshop.update({ where: { id: workshopId }, data: { published }, select: { id: true } });
    await recordAudit(tx, { actor: signedIn, action: published ? "workshop.publish" : "workshop.unpublish", subjectType: "workshop", subjectId: workshopId });
    return { ok: true as const };
  });
}
