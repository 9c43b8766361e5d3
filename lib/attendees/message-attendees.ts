import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageSession, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { renderOrganiserMessage } from "../email/templates/organiser-message";
import type { Invalid } from "../organiser/form-state";
import { issueManageUrl } from "../registrations/notifications";
import type { RegistrationMailContext } from "../email/registration-email";
import { organiserFieldErrors } from "../organiser/field-errors";
import { mailBase, mailSession, sendToRegistration, sessionMailContexts } from "../sessions/session-mail";
import { messageSchema, ownCourtesies, type MessageGroup, type MessageInput } from "./schema";

type Tx = Prisma.TransactionClient;

export type MessagePreviewOutcome = { ok: true; recipients: number; subject: string; text: string; ownCourtesies: ("greeting" | "closing")[] } | Invalid;
export type SendMessageOutcome = { ok: true; recipients: number } | Invalid | { ok: false; code: "no-recipients" };

function recipientsOf(tx: Tx, sessionId: string, group: MessageGroup): Promise<RegistrationMailContext[]> {
  if (group === "ATTENDED") return sessionMailContexts(tx, sessionId, ["CONFIRMED"], { attended: true });
  return sessionMailContexts(tx, sessionId, [group]);
}

async function render(tx: Tx | null, context: RegistrationMailContext, input: MessageInput, withManageLink: boolean) {
  // The preview must not write: it shows a placeholder where each recipient gets their own link.
  const manageUrl = withManageLink ? (tx ? await issueManageUrl(tx, context.id) : "https://…/r/…") : null;
  return renderOrganiserMessage({ ...mailBase(context), session: mailSession(context), subject: input.subject, body: input.body, manageUrl });
}

/** Personal links only make sense before the session; the people who took part get none. */
function offersManageLink(group: MessageGroup, startsAt: Date, now: Date): boolean {
  return group !== "ATTENDED" && startsAt > now;
}

/** How the message will read (for the first recipient) and how many people get it. Writes nothing. */
export async function previewMessage(
  actor: Actor | null,
  sessionId: string,
  values: Record<string, unknown>,
  now = new Date(),
): Promise<MessagePreviewOutcome> {
  await assertCanManageSession(actor, sessionId);
  const parsed = messageSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const recipients = await recipientsOf(db, sessionId, parsed.data.group);
  const courtesies = ownCourtesies(parsed.data.body);
  const first = recipients[0];
  if (!first) return { ok: true, recipients: 0, subject: parsed.data.subject, text: parsed.data.body, ownCourtesies: courtesies };
  const email = await render(null, first, parsed.data, offersManageLink(parsed.data.group, first.session.startsAt, now));
  return { ok: true, recipients: recipients.length, subject: email.subject, text: email.text, ownCourtesies: courtesies };
}

/** Writes one message per recipient of the chosen group to the outbox, and the audit record with the count. */
export async function sendMessage(actor: Actor | null, sessionId: string, values: Record<string, unknown>, now = new Date()): Promise<SendMessageOutcome> {
  await assertCanManageSession(actor, sessionId);
  const parsed = messageSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const input = parsed.data;
  return db.$transaction(
    async (tx) => {
      const { actor: signedIn } = await assertCanManageSession(actor, sessionId, tx);
      const recipients = await recipientsOf(tx, sessionId, input.group);
      if (recipients.length === 0) return { ok: false as const, code: "no-recipients" as const };
      for (const context of recipients) {
        const email = await render(tx, context, input, offersManageLink(input.group, context.session.startsAt, now));
        await sendToRegistration(tx, "organiser-message", context, email);
      }
      await recordAudit(tx, {
        actor: signedIn,
        action: "session.message",
        subjectType: "session",
        subjectId: sessionId,
        details: { group: input.group, recipients: recipients.length, subject: input.subject },
      });
      return { ok: true as const, recipients: recipients.length };
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}
