import "server-only";
import { db } from "../db";
import { isUuid } from "../input/uuid";
import { getCurrentUser } from "../auth/current-user";
import { env } from "../env";
import { queuedContent, queuedSubject } from "./queued-content";

// The built-in mailbox: the outbox read back, for trying the app without a
// mail server. It shows private links (manage tokens) of everyone who
// registered, so every read here checks canReadMailbox() itself.

/**
 * Whether the current visitor may read the outgoing mail: administrators
 * always; everybody only where the mailbox is open by configuration
 * (MAILBOX_OPEN: on by default outside production, and set by the embedded
 * try-out launcher, where the mailbox is the only way to read a sign-in link
 * or a confirmation). Never anonymously on a production server.
 */
export async function canReadMailbox(): Promise<boolean> {
  if (env().MAILBOX_OPEN) return true;
  return (await getCurrentUser())?.role === "ADMIN";
}

export type MailboxEntry = {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: "PENDING" | "SENT" | "FAILED";
  createdAt: Date;
  sentAt: Date | null;
};

/** `mediaType` is the content type without parameters, e.g. "text/calendar". */
export type MailboxAttachmentSummary = { index: number; filename: string; mediaType: string; size: number };

export type MailboxMessage = MailboxEntry & {
  messageId: string;
  replyTo: string | null;
  html: string;
  text: string;
  attempts: number;
  lastError: string | null;
  attachments: MailboxAttachmentSummary[];
};

const entrySelect = { id: true, toAddress: true, subject: true, kind: true, status: true, createdAt: true, sentAt: true } as const;
const contentSelect = { subject: true, html: true, text: true, attachments: true, template: true } as const;

/** The newest outgoing messages first. */
export async function listMailboxMessages(limit = 200): Promise<MailboxEntry[]> {
  if (!(await canReadMailbox())) return [];
  const rows = await db.outboxMessage.findMany({ select: { ...entrySelect, template: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
  // A message queued as a template has its subject once it is rendered.
  return rows.map(({ toAddress, template, subject, ...row }) => ({
    ...row,
    to: toAddress,
    subject: queuedSubject({ subject, template }),
  }));
}

export async function getMailboxMessage(id: string): Promise<MailboxMessage | null> {
  if (!isUuid(id) || !(await canReadMailbox())) return null;
  const row = await db.outboxMessage.findUnique({
    where: { id },
    select: { ...entrySelect, ...contentSelect, messageId: true, replyTo: true, attempts: true, lastError: true },
  });
  if (!row) return null;
  const { toAddress, template: _template, ...rest } = row;
  const content = queuedContent(row);
  return {
    ...rest,
    ...content,
    to: toAddress,
    attachments: content.attachments.map((attachment, index) => ({
      index,
      filename: attachment.filename,
      mediaType: attachment.contentType.split(";")[0]!.trim(),
      size: Buffer.byteLength(attachment.content, "utf8"),
    })),
  };
}

export async function getMailboxAttachment(id: string, index: number) {
  if (!isUuid(id) || !Number.isInteger(index) || index < 0 || !(await canReadMailbox())) return null;
  const row = await db.outboxMessage.findUnique({ where: { id }, select: contentSelect });
  const attachment = row ? queuedContent(row).attachments[index] : undefined;
  return attachment ?? null;
}
