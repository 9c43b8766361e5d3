import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertAdmin, NotFoundError, type Actor } from "../auth/authorisation";
import { isUuid } from "../input/uuid";
import { db } from "../db";
import type { Locale } from "../i18n/catalogue";
import { invitationSender, sendInvitation } from "./invite-user";

export type ResendOutcome = { ok: true } | { ok: false; code: "user-inactive" };

/** Mails a fresh invitation with a new sign-in link (earlier links keep working until they expire). */
export async function resendInvitation(actor: Actor | null, userId: string, options: { locale: Locale; now?: Date }): Promise<ResendOutcome> {
  const admin = assertAdmin(actor);
  const now = options.now ?? new Date();
  const sender = await invitationSender();
  return db.$transaction(async (tx) => {
    const user = isUuid(userId) ? await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, active: true } }) : null;
    if (!user) throw new NotFoundError(`User ${userId}`);
    if (!user.active) return { ok: false as const, code: "user-inactive" as const };
    await sendInvitation(tx, sender, admin, user, options.locale, now);
    await recordAudit(tx, { actor: admin, action: "user.invite.resend", subjectType: "user", subjectId: user.id, details: { email: user.email } });
    return { ok: true as const };
  });
}
