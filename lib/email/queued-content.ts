import "server-only";
import { z } from "zod";
import type { EmailAttachment } from "./enqueue-email";
import { composeRegistrationEmail, parseRegistrationEmailTemplate } from "./registration-email";
import type { RenderedEmail } from "./templates/types";

/** An outbox row's content columns: rendered ones, or a template still to render. */
export type QueuedContent = {
  subject: string | null;
  html: string | null;
  text: string | null;
  attachments: unknown;
  template: unknown;
};

export type MessageContent = RenderedEmail & { attachments: EmailAttachment[] };

const storedAttachments = z.array(z.object({ filename: z.string(), contentType: z.string(), content: z.string() }));

export function parseStoredAttachments(value: unknown): EmailAttachment[] {
  const parsed = storedAttachments.safeParse(value);
  // A malformed attachment column is a bug in whoever wrote it; sending the
  // message without attachments would hide that, so it fails and is retried
  // (and ends up FAILED, visible to the operator).
  if (!parsed.success) throw new Error("stored attachments are malformed");
  return parsed.data;
}

/**
 * What a queued message says: its stored content, or, for a registration
 * email queued as a template, the message rendered from it now (the worker
 * stores that rendering when it sends the message).
 */
export function queuedContent(row: QueuedContent): MessageContent {
  if (row.subject !== null && row.html !== null && row.text !== null) {
    return { subject: row.subject, html: row.html, text: row.text, attachments: parseStoredAttachments(row.attachments) };
  }
  const email = composeRegistrationEmail(parseRegistrationEmailTemplate(row.template));
  return { subject: email.subject, html: email.html, text: email.text, attachments: email.attachments ?? [] };
}

/** The subject of a queued message, rendered from its template if it has not been sent yet. */
export function queuedSubject(row: { subject: string | null; template: unknown }): string {
  return row.subject ?? queuedContent({ subject: null, html: null, text: null, attachments: [], template: row.template }).subject;
}
