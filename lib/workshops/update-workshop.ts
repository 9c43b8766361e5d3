import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageWorkshop, type Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Invalid } from "../organiser/form-state";
import { organiserFieldErrors } from "../organiser/field-errors";
import { workshopSchema } from "./schema";
import { forgetPublicContent } from "../cache/forget-public-content";

export type UpdateWorkshopOutcome = { ok: true } | Invalid;

/** Saves a workshop's texts: title, address (slug), summary, description, guiding questions and instruments in order. */
export async function updateWorkshop(actor: Actor | null, workshopId: string, values: Record<string, unknown>): Promise<UpdateWorkshopOutcome> {
  await assertCanManageWorkshop(actor, workshopId);
  const parsed = workshopSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const input = parsed.data;
  return db
    .$transaction(async (tx) => {
      const signedIn = await assertCanManageWorkshop(actor, workshopId, tx);
      const current = await tx.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { programmeId: true, slug: true } });
      // An emptied address keeps the one the workshop has: links to it stay valid.
      const slug = input.slug || current.slug;
      if (slug !== current.slug) {
        const taken = await tx.workshop.findUnique({
          where: { programmeId_slug: { programmeId: current.programmeId, slug } },
          select: { id: true },
        });
        if (taken) return { ok: false as const, code: "invalid" as const, fieldErrors: { slug: "slugTaken" } };
      }
      await tx.workshop.update({ where: { id: workshopId }, data: { ...input, slug }, select: { id: true } });
      await recordAudit(tx, {
        actor: signedIn,
        action: "workshop.update",
        subjectType: "workshop",
        subjectId: workshopId,
        details: { slug, ...(slug !== current.slug ? { previousSlug: current.slug } : {}) },
      });
      return { ok: true as const };
    })
    .then(forgetPublicContent);
}
