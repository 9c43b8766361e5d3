import "server-only";
import { recordAudit } from "../audit/record-audit";
import { requireActor, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { freeSlug, slugFromTitle } from "../input/slug";
import { currentProgrammeQuery } from "../programmes/current-programme";
import type { Invalid } from "../organiser/form-state";
import { organiserFieldErrors } from "../organiser/field-errors";
import { insertInstitutionKindQuestion } from "./add-institution-kind-question";
import { workshopSchema } from "./schema";
import { forgetPublicContent } from "../cache/forget-public-content";

export type CreateWorkshopOutcome = { ok: true; workshopId: string } | Invalid | { ok: false; code: "no-programme" };

/**
 * A new, unpublished workshop in this installation's programme. An organiser
 * who creates one is assigned to it; administrators manage every workshop anyway.
 * Never public on creation, whatever the form sends: publishing is a separate
 * step for administrators (decision 0015). Its registration form starts with
 * the standard question for the kind of institution, so that the dashboard
 * and the funder report count its registrations (decision 0034).
 */
export async function createWorkshop(actor: Actor | null, values: Record<string, unknown>): Promise<CreateWorkshopOutcome> {
  const signedIn = requireActor(actor);
  const parsed = workshopSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const input = parsed.data;
  return db
    .$transaction(async (tx) => {
      const programme = await tx.programme.findFirst({ ...currentProgrammeQuery(), select: { id: true } });
      if (!programme) return { ok: false as const, code: "no-programme" as const };
      const isTaken = async (slug: string) =>
        (await tx.workshop.findUnique({ where: { programmeId_slug: { programmeId: programme.id, slug } }, select: { id: true } })) !== null;
      // An address typed by hand must be free; one left empty is suggested from the title and made free.
      if (input.slug && (await isTaken(input.slug))) return { ok: false as const, code: "invalid" as const, fieldErrors: { slug: "slugTaken" } };
      const slug = input.slug || (await freeSlug(slugFromTitle(input.title, "workshop"), isTaken));
      const last = await tx.workshop.aggregate({ where: { programmeId: programme.id }, _max: { position: true } });
      const workshop = await tx.workshop.create({
        data: { programmeId: programme.id, position: (last._max.position ?? -1) + 1, ...input, slug, published: false },
        select: { id: true },
      });
      await insertInstitutionKindQuestion(tx, workshop.id);
      if (signedIn.role === "ORGANISER") {
        await tx.workshopAssignment.create({ data: { userId: signedIn.id, workshopId: workshop.id }, select: { userId: true } });
      }
      await recordAudit(tx, {
        actor: signedIn,
        action: "workshop.create",
        subjectType: "workshop",
        subjectId: workshop.id,
        details: { slug, title: input.title },
      });
      return { ok: true as const, workshopId: workshop.id };
    })
    .then(forgetPublicContent);
}
