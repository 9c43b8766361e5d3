import "server-only";
import { db } from "../db";
import { queuedContent, type MessageContent } from "./queued-content";
import type { MailTransport, OutboundMessage } from "./transport";

// Delivery of the transactional outbox (docs/decisions/0005-outbox-delivery.md).
// A worker claims due messages under a lease, sends them outside any
// transaction and records the outcome. A crash between sending and recording
// leaves the lease to expire and the message is sent again with the same
// Message-ID: delivery is at least once.

/** How long a claim keeps other workers away from a message. */
export const LEASE_MS = 5 * 60_000;
/**
 * A message is only sent while at least this much of its lease remains, so
 * a slow batch releases its tail instead of racing another worker (the SMTP
 * timeouts in transport.ts stay well below it).
 */
export const SEND_BUDGET_MS = 2 * 60_000;
/** Failed attempts before a message is given up (FAILED): about 23 hours of retrying. */
export const MAX_ATTEMPTS = 30;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
const LAST_ERROR_LENGTH = 1_000;

/**
 * Wait before the next attempt after `attempts` failed ones: 30 s doubling
 * per failure, capped at an hour, plus up to 10 % jitter so that messages
 * that failed together (server down) do not all return in the same second.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
  return Math.round(base * (1 + 0.1 * random()));
}

export type DeliveryOptions = {
  /** Most messages claimed in one round. */
  batchSize?: number;
  transport: MailTransport;
  /** The current time; defaults to the database's clock. Tests move it forward. */
  now?: () => Date;
};

export type DeliveryReport = {
  claimed: number;
  sent: number;
  /** Failed this time, scheduled again. */
  retrying: number;
  /** Failed for the last time: status FAILED. */
  failed: number;
  /** Claimed but handed back unsent because the lease ran short. */
  released: number;
  /** Every message handled, by id, for the worker's log: one line each. */
  attempts: DeliveryAttempt[];
};

export type DeliveryAttempt = {
  /** The outbox row. */
  id: string;
  /** The Message-ID header, which the mail server's own log names too. */
  messageId: string;
  /** 1 for the first try. */
  attempt: number;
  outcome: "sent" | "retrying" | "failed" | "released";
  /** The (redacted) reason of a failed attempt. */
  error?: string;
};

type ClaimedRow = {
  id: string;
  messageId: string;
  toAddress: string;
  replyTo: string | null;
  subject: string | null;
  html: string | null;
  text: string | null;
  attachments: unknown;
  template: unknown;
  attempts: number;
  lockedUntil: Date;
};

/**
 * Claims up to `batchSize` due messages. One statement, hence one short
 * transaction: rows another worker holds are skipped, not waited for, and
 * both the lease and the next attempt move to the lease's end, so a worker
 * that dies here only delays its messages by the lease.
 */
export async function claimDueMessages(batchSize: number, now: Date | null): Promise<ClaimedRow[]> {
  return db.$queryRaw<ClaimedRow[]>`
    UPDATE "outbox_messages" AS message
    SET "lockedUntil" = COALESCE(${now}::timestamptz, now()) + ${LEASE_MS}::integer * interval '1 millisecond',
        "nextAttemptAt" = COALESCE(${now}::timestamptz, now()) + ${LEASE_MS}::integer * interval '1 millisecond'
    FROM (
      SELECT "id" FROM "outbox_messages"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= COALESCE(${now}::timestamptz, now())
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${batchSize}::integer
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE message."id" = due."id"
    RETURNING message."id", message."messageId", message."toAddress", message."replyTo", message."subject",
      message."html", message."text", message."attachments", message."template", message."attempts", message."lockedUntil"`;
}

/** Marks the message sent; a message rendered from a template keeps what was sent in place of the template. */
async function recordSent(row: ClaimedRow, content: MessageContent, transport: MailTransport["name"], now: Date | null): Promise<void> {
  const rendered = row.html === null ? content : null;
  // Unconditional: the message did leave, whoever holds the lease now.
  await db.$executeRaw`
    UPDATE "outbox_messages"
    SET "status" = 'SENT', "sentAt" = COALESCE("sentAt", ${now}::timestamptz, now()), "transport" = ${transport},
        "lockedUntil" = NULL, "lastError" = NULL,
        "subject" = COALESCE(${rendered?.subject ?? null}, "subject"),
        "html" = COALESCE(${rendered?.html ?? null}, "html"),
        "text" = COALESCE(${rendered?.text ?? null}, "text"),
        "attachments" = COALESCE(${rendered ? JSON.stringify(rendered.attachments) : null}::jsonb, "attachments"),
        "template" = NULL
    WHERE "id" = ${row.id}::uuid`;
}

/** Returns whether the message is now FAILED; does nothing once the lease passed to another worker. */
async function recordFailure(row: ClaimedRow, error: string, now: Date | null): Promise<boolean> {
  const attempts = row.attempts + 1;
  const giveUp = attempts >= MAX_ATTEMPTS;
  await db.$executeRaw`
    UPDATE "outbox_messages"
    SET "attempts" = "attempts" + 1,
        "lastError" = ${error},
        "status" = CASE WHEN ${giveUp}::boolean THEN 'FAILED'::"OutboxStatus" ELSE "status" END,
        "nextAttemptAt" = COALESCE(${now}::timestamptz, now()) + ${retryDelayMs(attempts)}::integer * interval '1 millisecond',
        "lockedUntil" = NULL
    WHERE "id" = ${row.id}::uuid AND "status" = 'PENDING' AND "lockedUntil" = ${row.lockedUntil}::timestamptz`;
  return giveUp;
}

async function release(row: ClaimedRow, now: Date | null): Promise<void> {
  await db.$executeRaw`
    UPDATE "outbox_messages"
    SET "nextAttemptAt" = COALESCE(${now}::timestamptz, now()), "lockedUntil" = NULL
    WHERE "id" = ${row.id}::uuid AND "status" = 'PENDING' AND "lockedUntil" = ${row.lockedUntil}::timestamptz`;
}

/**
 * What an SMTP failure says, fit for the table and the log: code and server
 * reply, never the message itself, and no credentials even if a library
 * quotes the connection URL.
 */
export function describeDeliveryError(error: unknown): string {
  const details = error as { code?: unknown; responseCode?: unknown; message?: unknown };
  const parts = [
    typeof details.code === "string" ? details.code : undefined,
    typeof details.responseCode === "number" ? String(details.responseCode) : undefined,
    typeof details.message === "string" ? details.message : String(error),
  ].filter(Boolean);
  return parts
    .join(" ")
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, "$1***@")
    .replace(/\b(auth|pass(word)?|user)=\S+/gi, "$1=***")
    .slice(0, LAST_ERROR_LENGTH);
}

function toOutbound(row: ClaimedRow, content: MessageContent): OutboundMessage {
  return { messageId: row.messageId, to: row.toAddress, replyTo: row.replyTo, ...content };
}

/**
 * Claims the due messages, sends them over the transport's connections at
 * once (transport.connections, one message per connection at a time) and
 * records each outcome.
 */
export async function deliverDueMessages(options: DeliveryOptions): Promise<DeliveryReport> {
  const batchSize = options.batchSize ?? 20;
  const clock = () => options.now?.() ?? null;
  const localNow = () => options.now?.().getTime() ?? Date.now();

  // The lease is measured on this process's clock from before the claim: it
  // ends no later than the database's, whatever the two clocks say.
  const leaseEnd = localNow() + LEASE_MS;
  const claimed = await claimDueMessages(batchSize, clock());
  const report: DeliveryReport = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0, released: 0, attempts: [] };

  async function deliver(row: ClaimedRow): Promise<void> {
    if (localNow() + SEND_BUDGET_MS > leaseEnd) {
      await release(row, clock());
      report.released += 1;
      report.attempts.push({ id: row.id, messageId: row.messageId, attempt: row.attempts + 1, outcome: "released" });
      return;
    }
    let content: MessageContent;
    try {
      content = queuedContent(row);
      await options.transport.send(toOutbound(row, content));
    } catch (error) {
      const reason = describeDeliveryError(error);
      const gaveUp = await recordFailure(row, reason, clock());
      if (gaveUp) report.failed += 1;
      else report.retrying += 1;
      report.attempts.push({ id: row.id, messageId: row.messageId, attempt: row.attempts + 1, outcome: gaveUp ? "failed" : "retrying", error: reason });
      return;
    }
    await recordSent(row, content, options.transport.name, clock());
    report.sent += 1;
    report.attempts.push({ id: row.id, messageId: row.messageId, attempt: row.attempts + 1, outcome: "sent" });
  }

  const queue = [...claimed];
  const lanes = Math.max(1, Math.min(options.transport.connections, queue.length));
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let row = queue.shift(); row; row = queue.shift()) await deliver(row);
    }),
  );
  return report;
}
