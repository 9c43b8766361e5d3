import type { EmailKind } from "@/lib/email/email-kinds";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { startOutboxWorker } from "@/lib/email/outbox-worker";
import type { MailTransport } from "@/lib/email/transport";

// The worker's log: one line per send attempt, naming the message by its
// outbox id and Message-ID, never the recipient or the content.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function recordingLog() {
  type Line = (fields: Record<string, unknown>, message: string) => void;
  return { info: vi.fn<Line>(), warn: vi.fn<Line>(), error: vi.fn<Line>() };
}

async function enqueueOne(kind: string): Promise<{ id: string; messageId: string }> {
  const id = await db.$transaction((tx) =>
    enqueueEmail(tx, {
      // A made-up kind keeps this test's messages apart; real writers take an EmailKind.
      kind: kind as EmailKind,
      to: "erika.log@musterhausen.example.de",
      subject: "Ihre Anmeldung",
      html: "<p>Guten Tag Frau Mustermann</p>",
      text: "Guten Tag Frau Mustermann",
    }),
  );
  cleanups.push(() => db.outboxMessage.deleteMany({ where: { kind } }));
  const { messageId } = await db.outboxMessage.findUniqueOrThrow({ where: { id }, select: { messageId: true } });
  return { id, messageId };
}

describe("the outbox worker's log", () => {
  it("has one line per send attempt with the message's ids, and the failure reason without addresses", async () => {
    const kind = `test-outbox-log-${randomUUID()}`;
    const message = await enqueueOne(kind);
    const sentTo: string[] = [];
    let calls = 0;
    const transport: MailTransport = {
      name: "smtp",
      connections: 1,
      async send(outbound) {
        if (outbound.messageId !== message.messageId) return;
        calls += 1;
        sentTo.push(outbound.to);
        throw Object.assign(new Error("550 5.1.1 <erika.log@musterhausen.example.de>: Recipient address rejected"), { responseCode: 550 });
      },
      close() {},
    };
    const log = recordingLog();
    const stop = startOutboxWorker({ transport, log, intervalMs: 50 });
    await vi.waitFor(() => expect(calls).toBe(1), { timeout: 10_000 });
    await stop();

    const lines = [...log.info.mock.calls, ...log.warn.mock.calls, ...log.error.mock.calls].filter(([fields]) => fields.outboxId === message.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]![0]).toMatchObject({
      event: "outbox.send",
      outboxId: message.id,
      messageId: message.messageId,
      attempt: 1,
      outcome: "retrying",
      transport: "smtp",
    });
    expect(log.warn.mock.calls.some(([fields]) => fields.outboxId === message.id)).toBe(true);
    expect(JSON.stringify(lines)).toContain("550");
    expect(JSON.stringify(lines)).not.toContain("erika.log@");
    expect(JSON.stringify(lines)).not.toContain("Mustermann");
  });

  it("logs a sent message at info with its ids", async () => {
    const kind = `test-outbox-log-${randomUUID()}`;
    const message = await enqueueOne(kind);
    const transport: MailTransport = { name: "smtp", connections: 1, send: async () => {}, close() {} };
    const log = recordingLog();
    const stop = startOutboxWorker({ transport, log, intervalMs: 50 });
    await vi.waitFor(() => expect(log.info.mock.calls.some(([fields]) => fields.outboxId === message.id)).toBe(true), { timeout: 10_000 });
    await stop();
    expect(log.info.mock.calls.find(([fields]) => fields.outboxId === message.id)![0]).toMatchObject({
      outcome: "sent",
      messageId: message.messageId,
      attempt: 1,
    });
  });
});
