import "server-only";
import { recordAudit } from "../audit/record-audit";
import { addUser } from "../auth/add-user";
import { assertAdmin, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { enqueueEmail } from "../email/enqueue-email";
import { env } from "../env";
import type { MailProgramme } from "../email/templates/types";
import type { Prisma } from "../generated/prisma/client";
import type { Locale } from "../i18n/catalogue";
import type { Invalid } from "../organiser/form-state";
import { organiserFieldErrors } from "../organiser/field-errors";
import { getCurrentProgramme } from "../programmes/queries";
import { renderInvitation } from "./invitation-email";
import { inviteSchema } from "./schema";
import { createSignInLink, INVITATION_HOURS } from "./sign-in-link";

export type InviteOutcome = { ok: true; userId: string } | Invalid | { ok: false; code: "user-exists"; userId: string };

/**
 * Creates a user (organiser or administrator, with the workshops they look
 * after) and mails them a sign-in link, all in one transaction with its audit
 * event: the person exists exactly when the invitation goes out. An address
 * that already has a user is refused; their page offers to resend a link.
 */
export async function inviteUser(actor: Actor | null, values: Record<string, unknown>, options: { locale: Locale; now?: Date }): Promise<InviteOutcome> {
  const admin = assertAdmin(actor);
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const input = parsed.data;
  const workshopIds = [...new Set(input.workshopIds)];
  if ((await db.workshop.count({ where: { id: { in: workshopIds } } })) !== workshopIds.length) {
    return { ok: false, code: "invalid", fieldErrors: { workshopIds: "invalid" } };
  }
  const now = options.now ?? new Date();
  const sender = await invitationSender();

  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (existing) return { ok: false as const, code: "user-exists" as const, userId: existing.id };
      const { id } = await addUser(tx, { email: input.email, role: input.role, name: input.name || null, workshopIds });
      await sendInvitation(tx, sender, admin, { email: input.email, role: input.role }, options.locale, now);
      await recordAudit(tx, {
        actor: admin,
        action: "user.invite",
        subjectType: "user",
        subjectId: id,
        details: { email: input.email, role: input.role, workshopIds },
      });
      return { ok: true as const, userId: id };
    });
  } catch (error) {
    // Two invitations of the same address at the same moment: the unique email decides.
    if ((error as { code?: unknown }).code === "P2002") {
      const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (existing) return { ok: false, code: "user-exists", userId: existing.id };
    }
    throw error;
  }
}

/** Who invitations come from: the installation's programme. Read before the transaction (the embedded database has one connection). */
export async function invitationSender(): Promise<MailProgramme> {
  const programme = await getCurrentProgramme();
  return { name: programme?.name ?? env().MAIL_FROM_NAME, contactEmail: programme?.contactEmail ?? env().MAIL_FROM_ADDRESS };
}

/** A fresh one-time sign-in link in an invitation email, written to the outbox in the caller's transaction. */
export async function sendInvitation(
  tx: Prisma.TransactionClient,
  sender: MailProgramme,
  inviter: Actor,
  user: { email: string; role: "ADMIN" | "ORGANISER" },
  locale: Locale,
  now: Date,
): Promise<void> {
  const signInUrl = await createSignInLink(tx, user.email, new Date(now.getTime() + INVITATION_HOURS * 3600_000));
  const email = renderInvitation({
    locale,
    programme: sender,
    inviter: inviter.name ?? inviter.email,
    role: user.role,
    signInUrl,
    signInPageUrl: `${env().APP_URL.replace(/\/$/, "")}/anmelden`,
    validHours: INVITATION_HOURS,
  });
  await enqueueEmail(tx, { ...email, kind: "user-invitation", to: user.email, replyTo: sender.contactEmail });
}
