import { randomUUID } from "node:crypto";
import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverDueMessages } from "@/lib/email/deliver-outbox";
import { createMailTransport } from "@/lib/email/transport";
import { cancelRegistration } from "@/lib/registrations/cancel-registration";
import { findRegistrationByToken } from "@/lib/registrations/manage-queries";
import { registerParticipant } from "@/lib/registrations/register-participant";
import { switchSession } from "@/lib/registrations/switch-session";
import { zonedToInstant } from "@/lib/time/zoned";
import { createProgrammeWithSession } from "../helpers/factories";
import { startMailServer, unusedPort, type MailServer, type Received } from "../helpers/smtp-server";

// Registration → outbox → a real SMTP conversation → the received mail and
// its calendar file, read back with independent parsers (mailparser, ical.js).

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function smtp(port?: number): Promise<MailServer> {
  const server = await startMailServer(port);
  cleanups.push(server.close);
  return server;
}

async function deliverAll(port: number) {
  const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, from: { name: "KommA-Anmeldung", address: "anmeldung@komma.example.org" } });
  try {
    for (;;) {
      const report = await deliverDueMessages({ batchSize: 50, transport });
      if (report.claimed === 0) return;
    }
  } finally {
    transport.close();
  }
}

async function septemberSessions() {
  const ids = await createProgrammeWithSession();
  // 14:00 Berlin on two Wednesdays in September (summer time): 12:00Z.
  const dates = ["2027-09-15", "2027-09-22"];
  for (const [index, id] of [ids.sessionId, ids.otherSessionId].entries()) {
    await db.session.update({
      where: { id },
      data: { startsAt: zonedToInstant(dates[index]!, "14:00", "Europe/Berlin"), endsAt: zonedToInstant(dates[index]!, "16:00", "Europe/Berlin") },
    });
  }
  return ids;
}

function person(sessionId: string, email: string) {
  return {
    sessionId,
    firstName: "Jörg",
    lastName: "Müller-Lüdenscheidt",
    email,
    organisation: "Stadt Beispiel",
    role: "ADMINISTRATION",
    consent: true,
    privacyNoticeVersion: "1",
    locale: "de",
  };
}

function calendarOf(received: Received) {
  const part = received.mail.attachments.find((attachment) => attachment.contentType === "text/calendar");
  if (!part) throw new Error(`no calendar attachment in "${received.mail.subject}"`);
  return readCalendar(part, received);
}

/** Every distinct calendar file in a mail (the iMIP part is also attached for download, so it may come twice). */
function calendarsOf(received: Received) {
  const parts = received.mail.attachments.filter((attachment) => attachment.contentType === "text/calendar");
  const calendars = parts.map((part) => readCalendar(part, received));
  return calendars.filter((entry, index) => calendars.findIndex((other) => other.raw === entry.raw) === index);
}

function readCalendar(part: Received["mail"]["attachments"][number], received: Received) {
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString("utf8")));
  const event = calendar.getFirstSubcomponent("vevent")!;
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: event.getFirstPropertyValue("sequence"),
    status: event.getFirstPropertyValue("status"),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
    description: String(event.getFirstPropertyValue("description")),
    raw: part.content.toString("utf8"),
    mimeHeader: received.raw.match(/Content-Type: text\/calendar[^\r\n]*/i)?.[0] ?? "",
  };
}

const to = (server: MailServer, address: string) => server.received.filter((entry) => entry.mail.to && JSON.stringify(entry.mail.to).includes(address));

describe("confirmation emails over SMTP", () => {
  it("arrive with a calendar invitation every calendar accepts: METHOD:REQUEST, a stable UID, 12:00Z for 14:00 in Berlin", async () => {
    const server = await smtp();
    const { sessionId } = await septemberSessions();
    const address = `mail.${randomUUID().slice(0, 8)}@example.org`;
    const outcome = await registerParticipant(person(sessionId, address), { ip: null });
    expect(outcome.ok).toBe(true);
    await deliverAll(server.port);

    const [mail] = to(server, address);
    expect(mail!.mail.subject).toContain("Anmeldung bestätigt");
    expect(mail!.mail.text).toContain("Jörg");
    expect(mail!.mail.html).toContain('lang="de"');
    expect(mail!.mail.replyTo?.text).toContain("kontakt@example.org");
    // Out-of-office responders must not answer it (RFC 3834; Exchange reads its own header).
    expect(mail!.mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail!.mail.headers.get("x-auto-response-suppress")).toMatch(/OOF/);
    const invitation = calendarOf(mail!);
    expect(invitation).toMatchObject({ method: "REQUEST", sequence: 0, status: "CONFIRMED", start: "2027-09-15T12:00:00.000Z" });
    expect(invitation.uid).toBe(`${outcome.ok && outcome.registrationId}.${sessionId}@localhost`);
    expect(invitation.mimeHeader).toMatch(/method=REQUEST/i);
    expect(invitation.description).toContain("video.example.org");
    expect(invitation.description).not.toContain("/r/");
    // Lines stay within 75 octets after the trip through SMTP (the name is full of umlauts).
    for (const line of invitation.raw.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  });

  it("after a switch send one mail that moves the calendar entry and keeps the personal link; a later cancellation withdraws the new entry", async () => {
    const server = await smtp();
    const { sessionId, otherSessionId } = await septemberSessions();
    const address = `switch.${randomUUID().slice(0, 8)}@example.org`;
    const outcome = await registerParticipant(person(sessionId, address), { ip: null });
    if (!outcome.ok) throw new Error(outcome.code);
    await deliverAll(server.port);
    const [confirmation] = to(server, address);
    const token = /\/r\/([A-Za-z0-9_-]{43})/.exec(confirmation!.mail.text ?? "")?.[1];
    if (!token) throw new Error("no manage link in the confirmation");

    const switched = await switchSession(outcome.registrationId, otherSessionId, { manageToken: token });
    if (!switched.ok) throw new Error(switched.code);
    await deliverAll(server.port);

    const oldUid = `${outcome.registrationId}.${sessionId}@localhost`;
    const newUid = `${switched.registrationId}.${otherSessionId}@localhost`;
    const afterSwitch = to(server, address).slice(1);
    expect(afterSwitch.map((entry) => entry.mail.subject)).toEqual([expect.stringContaining("Terminwechsel bestätigt")]);
    const switchMail = afterSwitch[0]!;
    expect(switchMail.mail.text).not.toMatch(/abgesagt|erneut anmelden/);
    expect(calendarsOf(switchMail).map((entry) => [entry.method, entry.uid, entry.sequence, entry.status, entry.start])).toEqual([
      ["REQUEST", newUid, 0, "CONFIRMED", "2027-09-22T12:00:00.000Z"],
      ["CANCEL", oldUid, 1, "CANCELLED", "2027-09-15T12:00:00.000Z"],
    ]);
    expect(switchMail.raw).toMatch(/Content-Type: text\/calendar[^\r\n]*method=CANCEL/i);
    // One personal link: the mail carries the link the switch was made from, and it leads to the new date.
    expect(switchMail.mail.text).toContain(`/r/${token}`);
    expect(switchMail.mail.text?.match(/\/r\/[A-Za-z0-9_-]{43}/g)?.every((link) => link === `/r/${token}`)).toBe(true);
    expect(await findRegistrationByToken(token)).toEqual({ id: switched.registrationId });

    await db.$transaction((tx) => cancelRegistration(tx, switched.registrationId));
    await deliverAll(server.port);
    const cancellation = to(server, address).slice(2);
    expect(cancellation).toHaveLength(1);
    expect(calendarsOf(cancellation[0]!).map((entry) => [entry.method, entry.uid, entry.sequence])).toEqual([["CANCEL", newUid, 1]]);
  });

  it("a switch without the link it was made from (not through the manage page) still mails a working link", async () => {
    const server = await smtp();
    const { sessionId, otherSessionId } = await septemberSessions();
    const address = `switch2.${randomUUID().slice(0, 8)}@example.org`;
    const outcome = await registerParticipant(person(sessionId, address), { ip: null });
    if (!outcome.ok) throw new Error(outcome.code);
    const switched = await switchSession(outcome.registrationId, otherSessionId);
    if (!switched.ok) throw new Error(switched.code);
    await deliverAll(server.port);
    const mails = to(server, address);
    expect(mails.map((entry) => entry.mail.subject)).toEqual([
      expect.stringContaining("Anmeldung bestätigt"),
      expect.stringContaining("Terminwechsel bestätigt"),
    ]);
    for (const mail of mails) {
      const token = /\/r\/([A-Za-z0-9_-]{43})/.exec(mail.mail.text ?? "")![1]!;
      expect(await findRegistrationByToken(token)).toEqual({ id: switched.registrationId });
    }
  });

  it("lose nothing while SMTP is down: 100 registrations stored, all 100 confirmations delivered once it is back", async () => {
    const port = await unusedPort();
    const { sessionId } = await createProgrammeWithSession({ capacity: 200 });
    const prefix = `down.${randomUUID().slice(0, 8)}`;
    const outcomes = await Promise.all(
      Array.from({ length: 100 }, (_, index) => registerParticipant(person(sessionId, `${prefix}.${index}@example.org`), { ip: `10.9.0.${index}` })),
    );
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);

    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, from: { name: "KommA", address: "anmeldung@komma.example.org" } });
    const failed = await deliverDueMessages({ batchSize: 200, transport });
    transport.close();
    expect(failed.sent).toBe(0);
    expect(await db.registration.count({ where: { sessionId, status: "CONFIRMED" } })).toBe(100);

    // The server is back; the retries are due (as the back-off would make them later).
    const server = await smtp(port);
    await db.outboxMessage.updateMany({ where: { status: "PENDING", registration: { sessionId } }, data: { nextAttemptAt: new Date() } });
    await deliverAll(server.port);
    const received = server.received.filter((entry) => JSON.stringify(entry.mail.to).includes(prefix));
    expect(received).toHaveLength(100);
    expect(new Set(received.map((entry) => entry.mail.messageId)).size).toBe(100);
    expect(await db.outboxMessage.count({ where: { registration: { sessionId }, status: "SENT" } })).toBe(100);
  });
});
