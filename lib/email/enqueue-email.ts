import "server-only";
import { randomUUID } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import { env } from "../env";
import type { EmailKind } from "./email-kinds";
import type { RegistrationEmailTemplate } from "./registration-email";
import type { RenderedEmail } from "./templates/types";

export type EmailAttachment = {
  filename: string;
  /** e.g. "text/calendar; charset=UTF-8; method=REQUEST" */
  contentType: string;
  /** Text content (calendar files); stored as is. */
  content: string;
};

export type OutgoingEmail = RenderedEmail & {
  kind: EmailKind;
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
export async function enqueueEmail(tx: Prisma.TransactionClient, email: OutgoingEmail, id: string = randomUUID()): Promise<string> {
  // Raw SQL: this runs inside registration transactions, some of them while a
  // session row is locked, where every millisecond counts (docs/decisions/0006).
  await tx.$executeRaw`
    INSERT INTO "outbox_messages" ("id", "messageId", "kind", "toAddress", "replyTo", "subject", "html", "text", "attachments", "registrationId", "status", "attempts", "nextAttemptAt", "createdAt")
    VALUES (${id}::uuid, ${newMessageId()}, ${email.kind}, ${email.to}, ${email.replyTo ?? null}, ${email.subject},
            ${email.html}, ${email.text}, ${JSON.stringify(email.attachments ?? [])}::jsonb, ${email.registrationId ?? null}::uuid, 'PENDING', 0, now(), now())`;
  return id;
}

/** A fresh Message-ID on the app's host name. */
export function newMessageId(): string {
  return `<${randomUUID()}@${new URL(env().APP_URL).hostname}>`;
}

/**
 * Queues an email about a registration as a template, in the caller's
 * transaction; the worker renders it when it sends it (lib/email/queued-content.ts).
 * The registration statement (lib/registrations/insert-registration.ts)
 * writes the same row inside its own SQL, to stay one round trip.
 */
export async function enqueueRegistrationEmail(tx: Prisma.TransactionClient, template: RegistrationEmailTemplate): Promise<void> {
  const { context, message } = template;
  await tx.$executeRaw`
    INSERT INTO "outbox_messages" ("id", "messageId", "kind", "toAddress", "replyTo", "template", "registrationId", "status", "attempts", "nextAttemptAt", "createdAt")
    VALUES (${randomUUID()}::uuid, ${newMessageId()}, ${message.kind}, ${context.email}, ${context.session.workshop.programme.contactEmail},
            ${JSON.stringify(template)}::jsonb, ${context.id}::uuid, 'PENDING', 0, now(), now())`;
}
