import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageWorkshop, type Actor } from "../auth/authorisation";
import { isUuid } from "../input/uuid";
import { db } from "../db";
import { forgetPublicContent } from "../cache/forget-public-content";

export type SetWorkshopInstrumentsOutcome = { ok: true } | { ok: false; code: "unknown-instrument" };

/** Replaces the instruments a workshop presents, in the given order; only instruments of the workshop's own programme. */
export async function setWorkshopInstruments(actor: Actor | null, workshopId: string, instrumentIds: string[]): Promise<SetWorkshopInstrumentsOutcome> {
  await assertCanManageWorkshop(actor, workshopId);
  if (!instrumentIds.every(isUuid) || instrumentIds.length > 100) return { ok: false, code: "unknown-instrument" };
  return db
    .$transaction(async (tx) => {
      const signedIn = await assertCanManageWorkshop(actor, workshopId, tx);
      const { programmeId } = await tx.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { programmeId: true } });
      const known = await tx.instrument.count({ where: { programmeId, id: { in: instrumentIds } } });
      if (known !== instrumentIds.length) return { ok: false as const, code: "unknown-instrument" as const };
      await tx.workshopInstrument.deleteMany({ where: { workshopId } });
      await tx.workshopInstrument.createMany({ data: instrumentIds.map((instrumentId, position) => ({ workshopId, instrumentId, position })) });
      await recordAudit(tx, { actor: signedIn, action: "workshop.instruments", subjectType: "workshop", subjectId: workshopId, details: { instrumentIds } });
      return { ok: true as const };
    })
    .then(forgetPublicContent);
}
