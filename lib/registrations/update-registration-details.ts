import "server-only";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { questionSelect, toManagedQuestion } from "./manage-queries";
import { detailsSchema, fieldErrors } from "./schema";

export type UpdateDetailsOutcome =
  { ok: true; changed: string[] } | { ok: false; code: "invalid"; fieldErrors: Record<string, string> } | { ok: false; code: "not-active" };

const active = ["PENDING", "CONFIRMED", "WAITLISTED"] as const;

/**
 * Participants correct what they entered when registering (not the address:
 * that changes only through a confirmation from the new one, see
 * request-email-change.ts), by the registration form's own rules. Answers to
 * questions the workshop no longer asks are kept, as organisers expect.
 */
export async function updateRegistrationDetails(registrationId: string, values: Record<string, unknown>, now = new Date()): Promise<UpdateDetailsOutcome> {
  return db.$transaction(async (tx) => {
    const current = await tx.registration.findFirst({
      where: { id: registrationId, status: { in: [...active] }, anonymisedAt: null, session: { endsAt: { gt: now }, status: "SCHEDULED" } },
      select: {
        firstName: true,
        lastName: true,
        organisation: true,
        role: true,
        accessibilityNeeds: true,
        answers: true,
        session: { select: { workshop: { select: { questions: { orderBy: { position: "asc" }, select: questionSelect } } } } },
      },
    });
    if (!current) return { ok: false as const, code: "not-active" as const };
    const parsed = detailsSchema(current.session.workshop.questions.map(toManagedQuestion)).safeParse(values);
    if (!parsed.success) return { ok: false as const, code: "invalid" as const, fieldErrors: fieldErrors(parsed.error) };

    const previousAnswers = current.answers && typeof current.answers === "object" && !Array.isArray(current.answers) ? current.answers : {};
    // JSON drops cleared optional answers (undefined) on the way into jsonb.
    const answers = JSON.parse(JSON.stringify({ ...previousAnswers, ...parsed.data.answers })) as Record<string, string | string[] | boolean>;
    const next = { ...parsed.data, accessibilityNeeds: parsed.data.accessibilityNeeds || null, answers };
    const before: Record<string, unknown> = { ...current, answers: previousAnswers };
    // Which fields changed, never their values: the log outlives the personal data (docs/decisions/0031).
    const changed = Object.keys(next).filter((field) => JSON.stringify(before[field]) !== JSON.stringify(next[field as keyof typeof next]));
    if (changed.length === 0) return { ok: true as const, changed };

    await tx.registration.update({ where: { id: registrationId }, data: next, select: { id: true } });
    await recordAudit(tx, {
      actor: null,
      action: "registration.details-corrected",
      subjectType: "registration",
      subjectId: registrationId,
      details: { fields: changed },
    });
    return { ok: true as const, changed };
  });
}
