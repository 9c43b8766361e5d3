import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { cancelRegistration } from "@/lib/registrations/cancel-registration";
import { answeredAsReceived, registerParticipant, type RegisterOutcome } from "@/lib/registrations/register-participant";
import { createProgrammeWithSession } from "../helpers/factories";
import { queuedEmail, queuedEmails } from "../helpers/outbox";
import { registrationFields } from "../helpers/registrations";

const embedded = inject("databaseIsEmbedded");

function person(sessionId: string, index: number, overrides: Record<string, unknown> = {}) {
  return registrationFields(sessionId, { firstName: "Test", lastName: `Person ${index}`, email: `person${index}@example.org`, ...overrides });
}

async function registerMany(sessionId: string, count: number): Promise<RegisterOutcome[]> {
  // Every request from its own address, as in a real rush.
  return Promise.all(
    Array.from({ length: count }, (_, index) => registerParticipant(person(sessionId, index), { ip: `10.0.${Math.floor(index / 250)}.${index % 250}` })),
  );
}

describe.skipIf(embedded)("a registration rush on the real PostgreSQL", () => {
  it("confirms exactly the capacity and queues the rest with positions 1..n (200 at once, 50 seats)", async () => {
    const { sessionId } = await createProgrammeWithSession({ capacity: 50 });
    const outcomes = await registerMany(sessionId, 200);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
    const confirmed = await db.registration.count({ where: { sessionId, status: "CONFIRMED" } });
    const waitlisted = await db.registration.findMany({
      where: { sessionId, status: "WAITLISTED" },
      select: { waitlistPosition: true },
      orderBy: { waitlistPosition: "asc" },
    });
    expect(confirmed).toBe(50);
    expect(waitlisted.map((entry) => entry.waitlistPosition)).toEqual(Array.from({ length: 150 }, (_, index) => index + 1));
    const session = await db.session.findUniqueOrThrow({ where: { id: sessionId }, select: { confirmedCount: true } });
    expect(session.confirmedCount).toBe(50);
    expect(await db.outboxMessage.count({ where: { registration: { sessionId } } })).toBe(200);
  });

  it("with the waiting list off stores exactly the capacity and refuses the rest clearly", async () => {
    const { sessionId } = await createProgrammeWithSession({ capacity: 50, waitlistEnabled: false });
    const outcomes = await registerMany(sessionId, 200);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(50);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.code === "session-full")).toHaveLength(150);
    expect(await db.registration.count({ where: { sessionId } })).toBe(50);
  });
});

describe.skipIf(embedded)("the same new address at the same moment", () => {
  it("stores one registration and answers every submission as received, each with its email", async () => {
    const { sessionId } = await createProgrammeWithSession();
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => registerParticipant(person(sessionId, 4242), { ip: null })));
    expect(outcomes.filter((outcome) => !answeredAsReceived(outcome))).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(await db.registration.count({ where: { sessionId } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { toAddress: "person4242@example.org" } })).toBe(4);
    expect((await db.session.findUniqueOrThrow({ where: { id: sessionId }, select: { confirmedCount: true } })).confirmedCount).toBe(1);
  });
});

describe("the registration rules", () => {
  it("promotes the first waiting person when a confirmed registration is cancelled, in the same transaction", async () => {
    const { sessionId } = await createProgrammeWithSession({ capacity: 1 });
    const first = await registerParticipant(person(sessionId, 1), { ip: null });
    const second = await registerParticipant(person(sessionId, 2), { ip: null });
    const third = await registerParticipant(person(sessionId, 3), { ip: null });
    expect([first, second, third].map((outcome) => outcome.ok && outcome.status)).toEqual(["CONFIRMED", "WAITLISTED", "WAITLISTED"]);
    const cancelled = await db.$transaction((tx) => cancelRegistration(tx, (first as { registrationId: string }).registrationId));
    expect(cancelled).toMatchObject({ ok: true, previousStatus: "CONFIRMED", promoted: [(second as { registrationId: string }).registrationId] });
    const statuses = await db.registration.findMany({ where: { sessionId }, select: { email: true, status: true }, orderBy: { email: "asc" } });
    expect(statuses).toEqual([
      { email: "person1@example.org", status: "CANCELLED" },
      { email: "person2@example.org", status: "CONFIRMED" },
      { email: "person3@example.org", status: "WAITLISTED" },
    ]);
    const promotionMail = await queuedEmail({ registrationId: (second as { registrationId: string }).registrationId, kind: "waitlist-promoted" });
    expect(JSON.stringify(promotionMail.attachments)).toContain("METHOD:REQUEST");
  });

  it("a second registration of the same address stores nothing new and mails that address its registration again, with a fresh link", async () => {
    const { sessionId } = await createProgrammeWithSession();
    const first = await registerParticipant(person(sessionId, 31), { ip: null });
    const again = await registerParticipant(person(sessionId, 31, { firstName: "Jemand", lastName: "Anders" }), { ip: null });
    expect(again).toEqual({ ok: false, code: "already-registered", registrationId: first.ok && first.registrationId });
    const rows = await db.registration.findMany({ where: { sessionId }, select: { firstName: true } });
    expect(rows).toEqual([{ firstName: "Test" }]);
    // The confirmation went to that address again, nowhere else, about the stored registration (not the new name).
    const mails = await db.outboxMessage.findMany({
      where: { registration: { sessionId } },
      select: { toAddress: true, kind: true },
      orderBy: { createdAt: "asc" },
    });
    expect(mails).toEqual([
      { toAddress: "person31@example.org", kind: "registration-confirmed" },
      { toAddress: "person31@example.org", kind: "registration-confirmed" },
    ]);
    const resent = (await queuedEmails({ registration: { sessionId } }))[1]!;
    expect(resent.text).toContain("Test Person 31");
    expect(resent.text).not.toContain("Jemand");
    expect(JSON.stringify(resent.attachments)).toContain("METHOD:REQUEST");
    const links = (await queuedEmails({ registration: { sessionId } })).map((mail) => mail.text.match(/\/r\/([A-Za-z0-9_-]{43})/)?.[1]);
    expect(links[0]).toBeTruthy();
    expect(links[1]).toBeTruthy();
    expect(links[1]).not.toBe(links[0]);
    expect(await db.manageToken.count({ where: { registration: { sessionId } } })).toBe(2);
  });

  it("a second registration while on the waiting list mails the waiting-list email with the current place", async () => {
    const { sessionId } = await createProgrammeWithSession({ capacity: 1 });
    await registerParticipant(person(sessionId, 61), { ip: null });
    const waiting = await registerParticipant(person(sessionId, 62), { ip: null });
    expect(waiting).toMatchObject({ ok: true, status: "WAITLISTED", waitlistPosition: 1 });
    expect(await registerParticipant(person(sessionId, 62), { ip: null })).toMatchObject({ ok: false, code: "already-registered" });
    const mails = await queuedEmails({ toAddress: "person62@example.org", registration: { sessionId } });
    expect(mails.map((mail) => mail.kind)).toEqual(["waitlisted", "waitlisted"]);
    expect(mails[1]!.text).toContain("Ihre Position auf der Warteliste: 1");
    expect(await db.registration.count({ where: { sessionId, status: "WAITLISTED" } })).toBe(1);
    const session = await db.session.findUniqueOrThrow({ where: { id: sessionId }, select: { waitlistTicket: true } });
    expect(session.waitlistTicket).toBe(1);
  });

  it("a registration while registered for another date stores nothing and mails that address its registration with the link to switch", async () => {
    const { sessionId, otherSessionId } = await createProgrammeWithSession();
    const first = await registerParticipant(person(sessionId, 41), { ip: null });
    const other = await registerParticipant(person(otherSessionId, 41), { ip: null });
    expect(other).toEqual({ ok: false, code: "registered-for-other-date", registrationId: first.ok && first.registrationId });
    expect(await db.registration.count({ where: { sessionId: otherSessionId } })).toBe(0);
    const mail = await queuedEmail({ toAddress: "person41@example.org", kind: "registered-for-other-date" });
    expect(mail.registrationId).toBe(first.ok && first.registrationId);
    expect(mail.subject).toBe("Sie sind bereits angemeldet: Testworkshop");
    expect(mail.text).toMatch(/\/r\/[A-Za-z0-9_-]{43}/);
    expect(mail.text).not.toContain("video.example.org");
    expect(mail.attachments).toEqual([]);
  });

  it("a full session without a waiting list answers alike whether the address is registered there or not", async () => {
    const { sessionId } = await createProgrammeWithSession({ capacity: 1, waitlistEnabled: false });
    await registerParticipant(person(sessionId, 71), { ip: null });
    expect(await registerParticipant(person(sessionId, 71), { ip: null })).toEqual({ ok: false, code: "session-full" });
    expect(await registerParticipant(person(sessionId, 72), { ip: null })).toEqual({ ok: false, code: "session-full" });
    expect(await db.outboxMessage.count({ where: { registration: { sessionId } } })).toBe(1);
  });

  it.each([
    ["missing consent", { consent: false }, "consent"],
    ["an invalid email", { email: "keine-adresse" }, "email"],
    ["an oversize name", { firstName: "x".repeat(101) }, "firstName"],
    ["a filled honeypot", { website: "http://spam.example" }, "website"],
    ["an unknown role", { role: "KING" }, "role"],
  ])("refuses %s with a field error and writes nothing", async (_name, overrides, field) => {
    const { sessionId } = await createProgrammeWithSession();
    const outcome = await registerParticipant(person(sessionId, 1, overrides), { ip: null });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.code === "invalid" && Object.keys(outcome.fieldErrors)).toContain(field);
    expect(await db.registration.count({ where: { sessionId } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { toAddress: "person1@example.org", registration: { sessionId } } })).toBe(0);
  });

  it("refuses an unknown session, a tampered notice version and a closed window", async () => {
    const { sessionId } = await createProgrammeWithSession();
    expect(await registerParticipant(person("00000000-0000-4000-8000-000000000000", 1), { ip: null })).toEqual({ ok: false, code: "session-not-found" });
    expect(await registerParticipant(person(sessionId, 1, { privacyNoticeVersion: "7" }), { ip: null })).toEqual({ ok: false, code: "stale-form" });
    await db.session.update({
      where: { id: sessionId },
      data: { registrationClosesAt: new Date(Date.now() - 1000), registrationOpensAt: new Date(Date.now() - 2000) },
    });
    expect(await registerParticipant(person(sessionId, 1), { ip: null })).toEqual({ ok: false, code: "registration-closed" });
    expect(await db.registration.count({ where: { sessionId } })).toBe(0);
  });

  it("refuses a cancelled session even when it is full and has a waiting list", async () => {
    const { sessionId } = await createProgrammeWithSession({ capacity: 1 });
    await registerParticipant(person(sessionId, 51), { ip: null });
    await db.session.update({ where: { id: sessionId }, data: { status: "CANCELLED" } });
    // Within the form's two-second cache: the transaction itself still refuses.
    expect(await registerParticipant(person(sessionId, 52), { ip: null })).toEqual({ ok: false, code: "registration-closed" });
    expect(await db.registration.count({ where: { sessionId, status: "WAITLISTED" } })).toBe(0);
  });

  it("limits registrations per email address across requests, so that repeating one cannot flood the address with mail", async () => {
    const { sessionId } = await createProgrammeWithSession();
    const email = `flut.${sessionId.slice(0, 8)}@example.org`;
    const outcomes = [];
    for (let attempt = 0; attempt < 7; attempt++) outcomes.push(await registerParticipant(person(sessionId, 99, { email }), { ip: null }));
    expect(outcomes.map((outcome) => (outcome.ok ? "ok" : outcome.code))).toEqual([
      "ok",
      "already-registered",
      "already-registered",
      "already-registered",
      "already-registered",
      "rate-limited",
      "rate-limited",
    ]);
    expect(await db.outboxMessage.count({ where: { toAddress: email } })).toBe(5);
  });

  it("the per-address limit counts every attempt alike, so that it does not tell whether the address is registered", async () => {
    // A full session without a waiting list stores nobody: the attempts of a
    // registered and of an unregistered address are counted the same way.
    const { sessionId, otherSessionId } = await createProgrammeWithSession({ capacity: 1, waitlistEnabled: false });
    const registered = `dabei.${sessionId.slice(0, 8)}@example.org`;
    const stranger = `fremd.${sessionId.slice(0, 8)}@example.org`;
    await registerParticipant(person(otherSessionId, 81, { email: registered }), { ip: null });
    await registerParticipant(person(sessionId, 82), { ip: null });
    await db.$executeRaw`DELETE FROM "rate_limits" WHERE "key" LIKE 'register:email:%'`;
    const answers = async (email: string) => {
      const codes = [];
      for (let attempt = 0; attempt < 7; attempt++) {
        const outcome = await registerParticipant(person(sessionId, 83, { email }), { ip: null });
        codes.push(outcome.ok ? "ok" : outcome.code);
      }
      return codes;
    };
    const expected = ["session-full", "session-full", "session-full", "session-full", "session-full", "rate-limited", "rate-limited"];
    expect(await answers(registered)).toEqual(expected);
    expect(await answers(stranger)).toEqual(expected);
  });
});
