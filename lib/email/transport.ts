import "server-only";
import nodemailer from "nodemailer";
import type { Attachment } from "nodemailer/lib/mailer";
import { env, usesBuiltInMailbox } from "../env";
import type { EmailAttachment } from "./enqueue-email";

/** One outbox message as it leaves: every header was fixed when it was written. */
export type OutboundMessage = {
  messageId: string;
  to: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  attachments: EmailAttachment[];
};

export type MailTransport = {
  /** Recorded on the message: "smtp" or "mailbox". */
  name: "smtp" | "mailbox";
  /** How many messages it can send at the same time (SMTP connections). */
  connections: number;
  /** Resolves once the server accepted the message; rejects otherwise. */
  send(message: OutboundMessage): Promise<void>;
  /** Closes pooled connections; the transport cannot send afterwards. */
  close(): void;
};

export type MailTransportOptions = {
  /** Overrides SMTP_URL (tests point this at their own server); "" means the built-in mailbox. */
  smtpUrl?: string;
  from?: { name: string; address: string };
};

// Four pooled connections: a worker sends up to four messages of a batch at
// the same time (each SMTP conversation spends most of its time waiting for
// the server). Timeouts short enough that a hanging server cannot outlast
// the delivery lease (see deliver-outbox.ts), long enough for a slow relay.
// SMTP_URL's query can change any of them, e.g. ?maxConnections=1.
const connectionDefaults = { pool: true, maxConnections: 4, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

/** SMTP_URL with our connection defaults; options in its query (e.g. ?requireTLS=true) win. */
function withConnectionDefaults(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  for (const [key, value] of Object.entries(connectionDefaults)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/**
 * The transport for outgoing mail: SMTP when SMTP_URL is set (and
 * MAIL_DELIVERY is not "mailbox"), otherwise the
 * built-in mailbox, where "sending" only marks the message as sent and it
 * stays readable at /postfach.
 */
export function createMailTransport(options: MailTransportOptions = {}): MailTransport {
  // MAIL_DELIVERY=mailbox keeps mail in the mailbox even when SMTP_URL is set.
  const smtpUrl = options.smtpUrl ?? (usesBuiltInMailbox() ? undefined : env().SMTP_URL);
  if (!smtpUrl) return { name: "mailbox", connections: 1, send: async () => {}, close: () => {} };

  const from = options.from ?? { name: env().MAIL_FROM_NAME, address: env().MAIL_FROM_ADDRESS };
  const url = withConnectionDefaults(smtpUrl);
  const smtp = nodemailer.createTransport(url);
  return {
    name: "smtp",
    connections: Math.max(1, Number(new URL(url).searchParams.get("maxConnections")) || 1),
    async send(message) {
      const { icalEvent, attachments } = calendarParts(message.attachments);
      await smtp.sendMail({
        from,
        to: message.to,
        replyTo: message.replyTo ?? undefined,
        subject: message.subject,
        messageId: message.messageId,
        headers: AUTOMATIC_MESSAGE_HEADERS,
        text: message.text,
        html: message.html,
        icalEvent,
        attachments,
      });
    },
    close: () => smtp.close(),
  };
}

/**
 * Every message is sent by the app, not typed by a person at that moment:
 * RFC 3834 asks responders (out-of-office, vacation) not to answer such mail,
 * and Exchange/Outlook, common in municipalities, read their own header.
 */
const AUTOMATIC_MESSAGE_HEADERS = { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "OOF, AutoReply" };

function calendarMethod(attachment: EmailAttachment): string | undefined {
  if (!/^text\/calendar\b/i.test(attachment.contentType)) return undefined;
  return /;\s*method="?([A-Za-z-]+)"?/i.exec(attachment.contentType)?.[1]?.toUpperCase();
}

/**
 * Calendar invitations and cancellations travel as iMIP (RFC 6047): the
 * first calendar file that names a method becomes nodemailer's `icalEvent`,
 * which puts it into the multipart/alternative as
 * `text/calendar; charset=utf-8; method=REQUEST|CANCEL` (what Outlook and
 * Gmail turn into an invitation) and attaches the same file for download.
 * Everything else goes out as an ordinary attachment with its stored type.
 */
export function calendarParts(stored: EmailAttachment[]): { icalEvent?: { method: string; filename: string; content: string }; attachments: Attachment[] } {
  const eventIndex = stored.findIndex((attachment) => calendarMethod(attachment) !== undefined);
  const event = stored[eventIndex];
  return {
    icalEvent: event ? { method: calendarMethod(event)!, filename: event.filename, content: event.content } : undefined,
    attachments: stored
      .filter((_attachment, index) => index !== eventIndex)
      .map((attachment) => ({ filename: attachment.filename, contentType: attachment.contentType, content: attachment.content })),
  };
}
