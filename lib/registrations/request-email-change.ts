import "server-only";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { enqueueEmail } from "../email/enqueue-email";
import { mailProgramme } from "../email/registration-email";
import { renderEmailChangeConfirm } from "../email/templates/email-change";
import { env } from "../env";
import { isLocale } from "../i18n/catalogue";
import { localizedText } from "../i18n/localized-text";
import { consumeRateLimit, RATE_LIMITS } from "../rate-limit/consume-rate-limit";
import { createManageToken } from "./manage-token";
import { emailChangeSchema, fieldErrors } from "./schema";

/** How long the link to the new address works. */
export const EMAIL_CHANGE_HOURS = 24;

export type RequestEmailChangeOutcome =
  { ok: true } | { ok: false; code: "invalid"; fieldErrors: Record<string, string> } | { ok: false; code: "same-email" | "not-active" | "rate-limited" };

export function emailChangeUrlFor(token: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}/e-mail-bestaetigen/${token}`;
}

/**
 * A participant asks to receive the mails about their registration at
 * another address. Nothing changes yet: the new address gets a link (its own
 * token, like the double opt-in: docs/decisions/0014), and only its owner can
 * make the change (confirm-email-change.ts). A newer request replaces an
 * earlier one. Whether the new address is registered elsewhere is not told
 * here, only to the owner of that address when confirming.
 */
export async function requestEmailChange(registrationId: string, values: Record<string, unknown>, now = new Date()): Promise<RequestEmailChangeOutcome> {
  const parsed = emailChangeSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const { newEmail } = parsed.data;
  if (!(await consumeRateLimit(RATE_LIMITS.emailChangePerRegistration, registrationId))) return { ok: false, code: "rate-limited" };

  return db.$transaction(async (tx) => {
    const registration = await tx.registration.findFirst({
      where: {
        id: registrationId,
        status: { in: ["PENDING", "CONFIRMED", "WAITLISTED"] },
        anonymisedAt: null,
        session: { endsAt: { gt: now }, status: "SCHEDULED" },
      },
      select: {
        firstName: true,
        lastName: true,
        email: true,
        locale: true,
        session: {
          select: {
            timeZone: true,
            workshop: { select: { title: true, titleEn: true, programme: { select: { name: true, nameEn: true, contactEmail: true } } } },
          },
        },
      },
    });
    if (!registration) return { ok: false as const, code: "not-active" as const };
    if (registration.email === newEmail) return { ok: false as const, code: "same-email" as const };

    const { token, hash } = createManageToken();
    const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_HOURS * 3_600_000);
    await tx.emailChange.deleteMany({ where: { registrationId } });
    await tx.emailChange.create({ data: { tokenHash: hash, registrationId, newEmail, expiresAt }, select: { tokenHash: true } });
    const { workshop } = registration.session;
    const rendered = renderEmailChangeConfirm({
      locale: isLocale(registration.locale) ? registration.locale : "de",
      programme: mailProgramme(registration.locale, workshop.programme),
      recipient: { firstName: registration.firstName, lastName: registration.lastName },
      workshopTitle: localizedText(registration.locale, workshop.title, workshop.titleEn),
      newEmail,
      confirmUrl: emailChangeUrlFor(token),
      expiresAt,
      timeZone: registration.session.timeZone,
    });
    await enqueueEmail(tx, { ...rendered, kind: "email-change-confirm", to: newEmail, replyTo: workshop.programme.contactEmail, registrationId });
    await recordAudit(tx, { actor: null, action: "registration.email-change-requested", subjectType: "registration", subjectId: registrationId });
    return { ok: true as const };
  });
}
