import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageWorkshop, type Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Invalid } from "../organiser/form-state";
import { organiserFieldErrors } from "../organiser/field-errors";
import { sessionSchema } from "./schema";
import { forgetPublicContent } from "../cache/forget-public-content";

export type CreateSessionOutcome = { ok: true; sessionId: string } | Invalid;

/** A new date for a workshop the actor manages. */
export async function createSession(actor: Actor | null, workshopId: string, values: Record<string, unknown>): Promise<CreateSessionOutcome> {
  const signedIn = await assertCanManageWorkshop(actor, workshopId);
  const parsed = sessionSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  return db
    .$transaction(async (tx) => {
      const session = await tx.session.create({ data: { workshopId, ...parsed.data }, select: { id: true } });
      await recordAudit(tx, {
        actor: signedIn,
        action: "session.create",
        subjectType: "session",
        subjectId: session.id,
        details: { workshopId, startsAt: parsed.data.startsAt.toISOString(), capacity: parsed.data.capacity },
      });
      return { ok: true as const, sessionId: session.id };
    })
    .then(forgetPublicContent);
}
