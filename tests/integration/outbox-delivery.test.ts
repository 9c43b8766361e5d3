import type { EmailKind } from "@/lib/email/email-kinds";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { buildInvitation } from "@/lib/calendar/build-invitation";
import { db } from "@/lib/db";
import { claimDueMessages, deliverDueMessages, LEASE_MS, MAX_ATTEMPTS, type DeliveryOptions } from "@/lib/email/deliver-outbox";
import { enqueueEmail, type OutgoingEmail } from "@/lib/email/enqueue-email";
import { createMailTransport, type MailTransport } from "@/lib/email/transport";
import { startMailServer, unusedPort, type MailServer } from "../helpers/smtp-server";

// A real SMTP server per test (smtp-server, no TLS) and real PostgreSQL.
// Other test files may leave due messages behind; a worker here delivers
// them too, so every assertion looks only at this test's own messages.

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function mailServer(port?: number) {
  const server = await startMailServer(port);
  cleanups.push(server.close);
  return server;
}

function smtpTransport(port: number): MailTransport {
  const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, from: { name: "KommA-Anmeldung", address: "anmeldung@komma.example.org" } });
  cleanups.push(() => transport.close());
  return transport;
}

/** A kind of its own per test, so that assertions and clean-up touch only this test's messages. */
function testKind() {
  const kind = `test-outbox-${randomUUID()}`;
  cleanups.push(async () => {
    await db.outboxMessage.deleteMany({ where: { kind } });
  });
  return kind;
}

function email(kind: string, overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    // A made-up kind keeps this test's messages apart; real writers take an EmailKind.
    kind: kind as EmailKind,
    to: "erika.mustermann@musterhausen.example.de",
    replyTo: "kontakt@example.org",
    subject: "Ihre Anmeldung ist bestätigt",
    html: "<p>Guten Tag Frau Mustermann, Ihre Anmeldung ist bestätigt.</p>",
    text: "Guten Tag Frau Mustermann, Ihre Anmeldung ist bestätigt.",
    ...overrides,
  };
}

async function enqueue(emails: OutgoingEmail[]) {
  await db.$transaction(async (tx) => {
    for (const outgoing of emails) await enqueueEmail(tx, outgoing);
  });
}

async function messagesOf(kind: string) {
  return db.outboxMessage.findMany({
    where: { kind },
    select: { messageId: true, status: true, attempts: true, lastError: true, nextAttemptAt: true, lockedUntil: true, transport: true, sentAt: true },
  });
}

/** Rounds until nothing is due any more, as the worker loop does. */
async function drain(options: DeliveryOptions) {
  const totals = { claimed: 0, sent: 0, retrying: 0, failed: 0 };
  for (;;) {
    const report = await deliverDueMessages(options);
    totals.claimed += report.claimed;
    totals.sent += report.sent;
    totals.retrying += report.retrying;
    totals.failed += report.failed;
    if (report.claimed === 0) return totals;
  }
}

function receivedIds(server: MailServer, messageIds: string[]) {
  const wanted = new Set(messageIds);
  return server.received.map((entry) => entry.mail.messageId).filter((id): id is string => id !== undefined && wanted.has(id));
}

function inTwoHours() {
  return new Date(Date.now() + 2 * 3600_000);
}

describe("outbox delivery", () => {
  it("delivers a committed message once, with its HTML and text, Message-ID, Reply-To and calendar invitation", async () => {
    const server = await mailServer();
    const kind = testKind();
    const invitation = buildInvitation({
      method: "REQUEST",
      uid: `${randomUUID()}@komma.example.org`,
      sequence: 0,
      startsAt: new Date("2026-12-09T13:00:00Z"),
      endsAt: new Date("2026-12-09T15:00:00Z"),
      title: "Vielfaltsorientierte Verwaltung stärken",
      description: "Workshop",
      organizer: { name: "KommA", email: "kontakt@example.org" },
      attendee: { name: "Erika Mustermann", email: "erika.mustermann@musterhausen.example.de" },
    });
    await enqueue([
      email(kind, { attachments: [{ filename: "workshop.ics", contentType: "text/calendar; charset=UTF-8; method=REQUEST", content: invitation }] }),
    ]);

    await drain({ transport: smtpTransport(server.port) });

    const [stored] = await messagesOf(kind);
    expect(stored).toMatchObject({ status: "SENT", transport: "smtp", attempts: 0, lockedUntil: null });
    expect(stored!.sentAt).toBeInstanceOf(Date);
    const deliveries = server.received.filter((entry) => entry.mail.messageId === stored!.messageId);
    expect(deliveries).toHaveLength(1);
    const { mail, raw } = deliveries[0]!;
    expect(mail.html).toContain("Ihre Anmeldung ist bestätigt.");
    expect(mail.text).toContain("Ihre Anmeldung ist bestätigt.");
    expect(mail.subject).toBe("Ihre Anmeldung ist bestätigt");
    expect(mail.replyTo?.value[0]?.address).toBe("kontakt@example.org");
    expect(mail.from?.value[0]).toMatchObject({ name: "KommA-Anmeldung", address: "anmeldung@komma.example.org" });
    // The iMIP part calendar clients act on, and the file to download.
    expect(raw).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=REQUEST\r?$/im);
    const calendarPart = mail.attachments.find((attachment) => attachment.contentType === "text/calendar");
    expect(calendarPart?.content.toString("utf8")).toContain("METHOD:REQUEST");
    const download = mail.attachments.find((attachment) => attachment.filename === "workshop.ics");
    expect(download?.content.toString("utf8")).toBe(invitation);
  });

  it("never sends a message whose transaction was rolled back", async () => {
    const server = await mailServer();
    const kind = testKind();
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, email(kind, { subject: `Zurückgerollt ${kind}` }));
        throw new Error("registration failed after the message was written");
      }),
    ).rejects.toThrow("registration failed");

    await drain({ transport: smtpTransport(server.port), now: inTwoHours });

    expect(await messagesOf(kind)).toEqual([]);
    expect(server.received.filter((entry) => entry.mail.subject === `Zurückgerollt ${kind}`)).toEqual([]);
  });

  it("keeps every message while the mail server is down and delivers each exactly once when it is back", async () => {
    const kind = testKind();
    await enqueue(Array.from({ length: 100 }, (_, index) => email(kind, { subject: `Nachricht ${index + 1}` })));
    const port = await unusedPort();
    const transport = smtpTransport(port);

    const down = await drain({ transport, batchSize: 25 });
    expect(down.sent).toBe(0);
    const waiting = await messagesOf(kind);
    expect(waiting).toHaveLength(100);
    for (const message of waiting) {
      expect(message).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null });
      expect(message.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      expect(message.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    }

    // Nothing is due before its back-off has passed…
    const server = await mailServer(port);
    expect((await drain({ transport, batchSize: 25 })).sent).toBe(0);
    // …and two hours later everything is.
    await drain({ transport, batchSize: 25, now: inTwoHours });

    const messageIds = waiting.map((message) => message.messageId);
    const ids = receivedIds(server, messageIds);
    expect(ids).toHaveLength(100);
    expect(new Set(ids).size).toBe(100);
    const delivered = await messagesOf(kind);
    expect(delivered.every((message) => message.status === "SENT" && message.attempts === 1)).toBe(true);
  });

  it("never sends a message twice when two workers share the outbox", async () => {
    const server = await mailServer();
    const kind = testKind();
    await enqueue(Array.from({ length: 60 }, (_, index) => email(kind, { subject: `Parallel ${index + 1}` })));

    // Two workers as in two app instances: own SMTP connections, own database
    // connections from the pool, rounds of five running at the same time.
    const [first, second] = await Promise.all([
      drain({ transport: smtpTransport(server.port), batchSize: 5 }),
      drain({ transport: smtpTransport(server.port), batchSize: 5 }),
    ]);

    const messageIds = (await messagesOf(kind)).map((message) => message.messageId);
    const ids = receivedIds(server, messageIds);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect(first.sent).toBeGreaterThan(0);
    expect(second.sent).toBeGreaterThan(0);
  });

  it("delivers a message whose worker died after claiming it, once the lease has expired", async () => {
    const server = await mailServer();
    const kind = testKind();
    await enqueue([email(kind)]);
    const transport = smtpTransport(server.port);

    // The dead worker: claimed, never sent, never recorded.
    const claimed = await claimDueMessages(1_000, null);
    const [stored] = await messagesOf(kind);
    expect(claimed.map((row) => row.messageId)).toContain(stored!.messageId);

    await drain({ transport });
    expect(receivedIds(server, [stored!.messageId])).toEqual([]);

    await drain({ transport, now: () => new Date(Date.now() + LEASE_MS + 1_000) });
    expect(receivedIds(server, [stored!.messageId])).toEqual([stored!.messageId]);
    expect((await messagesOf(kind))[0]).toMatchObject({ status: "SENT", attempts: 0 });
  });

  it("gives a message up after the last attempt and leaves it readable as FAILED", async () => {
    const kind = testKind();
    await enqueue([email(kind)]);
    await db.outboxMessage.updateMany({ where: { kind }, data: { attempts: MAX_ATTEMPTS - 1 } });

    const report = await drain({ transport: smtpTransport(await unusedPort()) });

    expect(report.failed).toBeGreaterThanOrEqual(1);
    const [message] = await messagesOf(kind);
    expect(message).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS });
    expect(message!.lastError).toBeTruthy();
  });

  it("without SMTP_URL, marks messages as sent to the built-in mailbox", async () => {
    const kind = testKind();
    await enqueue([email(kind)]);

    await drain({ transport: createMailTransport({ smtpUrl: "" }) });

    expect((await messagesOf(kind))[0]).toMatchObject({ status: "SENT", transport: "mailbox" });
  });
});
