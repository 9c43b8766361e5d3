import "server-only";
import { z } from "zod";
import { db } from "../db";
import { requiredText } from "../input/text";
import { fieldErrors, LIMITS } from "./schema";

const detailsSchema = z.object({
  firstName: requiredText(LIMITS.name),
  lastName: requiredText(LIMITS.name),
  organisation: requiredText(LIMITS.organisation),
});

export type UpdateDetailsOutcome = { ok: true } | { ok: false; code: "invalid"; fieldErrors: Record<string, string> } | { ok: false; code: "not-active" };

/** Participants correct their name or organisation (not the email: that identifies the registration). */
export async function updateRegistrationDetails(registrationId: string, values: Record<string, unknown>, now = new Date()): Promise<UpdateDetailsOutcome> {
  const parsed = detailsSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const updated = await db.registration.updateMany({
    where: { id: registrationId, status: { in: ["PENDING", "CONFIRMED", "WAITLISTED"] }, session: { endsAt: { gt: now } } },
    data: parsed.data,
  });
  return updated.count === 1 ? { ok: true } : { ok: false, code: "not-active" };
}
