import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageInstrument, assertCanManageProgramme, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { currentProgrammeId } from "../programmes/current-programme";
import type { Prisma } from "../generated/prisma/client";
import type { Invalid } from "../organiser/form-state";
import { organiserFieldErrors } from "../organiser/field-errors";
import { instrumentSchema } from "./schema";
import { forgetPublicContent } from "../cache/forget-public-content";

export type SaveInstrumentOutcome = { ok: true; instrumentId: string } | Invalid | { ok: false; code: "no-programme" };

function invalid(field: string, key: string): Invalid {
  return { ok: false, code: "invalid", fieldErrors: { [field]: key } };
}

async function programmeId(tx: Prisma.TransactionClient): Promise<string | null> {
  return currentProgrammeId(tx);
}

/** Creates an instrument in this installation's programme (target "new") or saves an existing one. */
export async function saveInstrument(
  actor: Actor | null,
  target: "new" | { instrumentId: string },
  values: Record<string, unknown>,
): Promise<SaveInstrumentOutcome> {
  if (target !== "new") await assertCanManageInstrument(actor, target.instrumentId);
  const parsed = instrumentSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const input = parsed.data;
  return db
    .$transaction(async (tx) => {
      let signedIn: Actor;
      let programme: string;
      if (target === "new") {
        const current = await programmeId(tx);
        if (!current) return { ok: false as const, code: "no-programme" as const };
        signedIn = await assertCanManageProgramme(actor, current, tx);
        programme = current;
      } else {
        ({ actor: signedIn, programmeId: programme } = await assertCanManageInstrument(actor, target.instrumentId, tx));
      }
      const others = { programmeId: programme, ...(target === "new" ? {} : { id: { not: target.instrumentId } }) };
      if (await tx.instrument.findFirst({ where: { ...others, slug: input.slug }, select: { id: true } })) {
        return invalid("slug", "instrumentSlugTaken");
      }
      if (await tx.instrument.findFirst({ where: { ...others, title: input.title }, select: { id: true } })) {
        return invalid("title", "instrumentTitleTaken");
      }
      const instrument =
        target === "new"
          ? await tx.instrument.create({ data: { programmeId: programme, ...input }, select: { id: true } })
          : await tx.instrument.update({ where: { id: target.instrumentId }, data: input, select: { id: true } });
      await recordAudit(tx, {
        actor: signedIn,
        action: target === "new" ? "instrument.create" : "instrument.update",
        subjectType: "instrument",
        subjectId: instrument.id,
        details: { slug: input.slug, title: input.title },
      });
      return { ok: true as const, instrumentId: instrument.id };
    })
    .then(forgetPublicContent);
}
