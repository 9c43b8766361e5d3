import "server-only";
import { recordAudit } from "../audit/record-audit";
import { db } from "../db";
import { enqueueEmail } from "../email/enqueue-email";
import { mailProgramme } from "../email/registration-email";
import { renderEmailChangedNotice } from "../email/templates/email-change";
import { isLocale } from "../i18n/catalogue";
import { localizedText } from "../i18n/localized-text";
import { hashManageToken, looksLikeManageToken } from "./manage-token";

export type ConfirmEmailChangeOutcome = { ok: true } | { ok: false; code: "unknown" | "expired" | "not-active" | "email-taken" };

const activeStatuses = ["PENDING", "CONFIRMED", "WAITLISTED"];

/**
 * The owner of the new address pressed the button behind the link sent there:
 * the registration's address changes, every pending change of it ends, and
 * the old address is told (so a change made with a forwarded manage link does
 * not go unnoticed). An address that already has an active registration in
 * the same workshop cannot take over a second one (one per person and
 * workshop, as when registering).
 */
export async function confirmEmailChange(token: string, now = new Date()): Promise<ConfirmEmailChangeOutcome> {
  if (!looksLikeManageToken(token)) return { ok: false, code: "unknown" };
  return db.$transaction(async (tx) => {
    const change = await tx.emailChange.findUnique({
      where: { tokenHash: hashManageToken(token) },
      select: { registrationId: true, newEmail: true, expiresAt: true },
    });
    if (!change) return { ok: false as const, code: "unknown" as const };
    // The registration row is locked so that two confirmations (or a cancellation) run one after the other.
    const rows = await tx.$queryRaw<
      { id: string; status: string; email: string; anonymisedAt: Date | null; endsAt: Date; sessionStatus: string; workshopId: string }[]
    >`
      SELECT r."id", r."status", r."email", r."anonymisedAt", s."endsAt", s."status" AS "sessionStatus", s."workshopId"
      FROM "registrations" r JOIN "sessions" s ON s."id" = r."sessionId"
      WHERE r."id" = ${change.registrationId}::uuid FOR UPDATE OF r`;
    const registration = rows[0];
    if (change.expiresAt <= now) {
      await tx.emailChange.delete({ where: { tokenHash: hashManageToken(token) }, select: { tokenHash: true } });
      return { ok: false as const, code: "expired" as const };
    }
    if (
      !registration ||
      registration.anonymisedAt ||
      !activeStatuses.includes(registration.status) ||
      registration.endsAt <= now ||
      registration.sessionStatus !== "SCHEDULED"
    ) {
      return { ok: false as const, code: "not-active" as const };
    }
    const taken = await tx.registration.count({
      where: {
        email: change.newEmail,
        status: { in: ["PENDING", "CONFIRMED", "WAITLISTED"] },
        session: { workshopId: registration.workshopId },
        id: { not: registration.id },
      },
    });
    if (taken > 0) return { ok: false as const, code: "email-taken" as const };

    const updated = await tx.registration.update({
      where: { id: registration.id },
      data: { email: change.newEmail },
      select: {
        firstName: true,
        lastName: true,
        locale: true,
        session: { select: { workshop: { select: { title: true, titleEn: true, programme: { select: { name: true, nameEn: true, contactEmail: true } } } } } },
      },
    });
    await tx.emailChange.deleteMany({ where: { registrationId: registration.id } });
    const { workshop } = updated.session;
    const notice = renderEmailChangedNotice({
      locale: isLocale(updated.locale) ? updated.locale : "de",
      programme: mailProgramme(updated.locale, workshop.programme),
      recipient: { firstName: updated.firstName, lastName: updated.lastName },
      workshopTitle: localizedText(updated.locale, workshop.title, workshop.titleEn),
      newEmail: change.newEmail,
    });
    await enqueueEmail(tx, {
      ...notice,
      kind: "email-changed",
      to: registration.email,
      replyTo: workshop.programme.contactEmail,
      registrationId: registration.id,
    });
    await recordAudit(tx, { actor: null, action: "registration.email-changed", subjectType: "registration", subjectId: registration.id });
    return { ok: true as const };
  });
}

export type EmailChangeView = { workshopTitle: string; workshopTitleEn: string | null; newEmail: string; expired: boolean };

/** What the holder of a change-of-address link may see: the workshop and the new address. */
export async function findEmailChange(token: string, now = new Date()): Promise<EmailChangeView | null> {
  if (!looksLikeManageToken(token)) return null;
  const change = await db.emailChange.findUnique({
    where: { tokenHash: hashManageToken(token) },
    select: {
      newEmail: true,
      expiresAt: true,
      registration: { select: { anonymisedAt: true, session: { select: { workshop: { select: { title: true, titleEn: true } } } } } },
    },
  });
  if (!change || change.registration.anonymisedAt) return null;
  const { workshop } = change.registration.session;
  return { workshopTitle: workshop.title, workshopTitleEn: workshop.titleEn, newEmail: change.newEmail, expired: change.expiresAt <= now };
}
