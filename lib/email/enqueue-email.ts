import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import { env } from "../env";
import type { RenderedEmail } from "./templates/types";

export type EmailAttachment = {
  filename: string;
  /** e.g. "text/calendar; charset=UTF-8; method=REQUEST" */
  contentType: string;
  /** Text content (calendar files); stored as is. */
  content: string;
};

export type OutgoingEmail = RenderedEmail & {
  kind: string;
  to: string;
  /** Reply-To header; normally the programme's contact address. */
  replyTo?: string;
  attachments?: EmailAttachment[];
  registrationId?: string;
};

/**
 * Writes a message to the outbox in the caller's transaction, so that it is
 * sent if and only if the change that causes it commits. The worker delivers
 * it later (lib/email/deliver-outbox.ts). The Message-ID is fixed here, once:
 * a resend after a crash carries the same ID and recipients' systems can
 * recognise it as the same message.
 */
export async function enqueueEmail(tx: Prisma.TransactionClient, email: OutgoingEmail): Promise<void> {
  await tx.outboxMessage.create({
    data: {
      messageId: `<${randomUUID()}@${new URL(env().APP_URL).hostname}>`,
      kind: email.kind,
      toAddress: email.to,
      replyTo: email.replyTo,
      subject: email.subject,
      html: email.html,
      text: email.text,
      attachments: email.attachments ?? [],
      registrationId: email.registrationId,
    },
    select: { id: true },
  });
}
