import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertAdmin, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { currentProgrammeQuery } from "../programmes/current-programme";
import type { Invalid } from "../organiser/form-state";
import { organiserFieldErrors } from "../organiser/field-errors";
import { embedOriginsSchema } from "./schema";

/** Which websites may embed the programme: the programme's own setting, so administrators only. */
export async function setEmbedOrigins(
  actor: Actor | null,
  values: Record<string, unknown>,
): Promise<{ ok: true } | Invalid | { ok: false; code: "no-programme" }> {
  assertAdmin(actor);
  const parsed = embedOriginsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  return db.$transaction(async (tx) => {
    const admin = assertAdmin(actor);
    const programme = await tx.programme.findFirst({ ...currentProgrammeQuery(), select: { id: true } });
    if (!programme) return { ok: false as const, code: "no-programme" as const };
    await tx.programme.update({ where: { id: programme.id }, data: { embedOrigins: parsed.data.origins }, select: { id: true } });
    await recordAudit(tx, {
      actor: admin,
      action: "programme.embed-origins",
      subjectType: "workshop",
      subjectId: null,
      details: { origins: parsed.data.origins },
    });
    return { ok: true as const };
  });
}
