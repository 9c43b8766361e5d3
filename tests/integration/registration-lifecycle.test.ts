import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { confirmEmail } from "@/lib/registrations/confirm-email";
import { approveRegistration, rejectRegistration } from "@/lib/registrations/decide-registration";
import { registerParticipant } from "@/lib/registrations/register-participant";
import { createProgrammeWithSession } from "../helpers/factories";
import { queuedEmail } from "../helpers/outbox";

function person(sessionId: string) {
  return {
    sessionId,
    firstName: "Lea",
    lastName: "Beispiel",
    email: `lea.${randomUUID().slice(0, 8)}@example.org`,
    organisation: "Kreis Beispiel",
    role: "ELECTED_OFFICIAL",
    answers: {},
    consent: true,
    privacyNoticeVersion: "1",
    locale: "de",
  };
}

async function register(sessionId: string) {
  const outcome = await registerParticipant(person(sessionId), { ip: null });
  if (!outcome.ok) throw new Error(`registration refused: ${outcome.code}`);
  return outcome;
}

const seatsTaken = async (sessionId: string) => (await db.session.findUniqueOrThrow({ where: { id: sessionId }, select: { confirmedCount: true } })).confirmedCount;
const mailKinds = async (registrationId: string) =>
  (await db.outboxMessage.findMany({ where: { registrationId }, select: { kind: true }, orderBy: { createdAt: "asc" } })).map((mail) => mail.kind);

describe("double opt-in", () => {
  it("holds the seat until the person confirms their address, then confirms with the invitation", async () => {
    const { sessionId } = await createProgrammeWithSession({ doubleOptIn: true, capacity: 1 });
    const registration = await register(sessionId);
    expect(registration.status).toBe("PENDING");
    expect(await seatsTaken(sessionId)).toBe(1);
    const stored = await db.registration.findUniqueOrThrow({ where: { id: registration.registrationId }, select: { holdExpiresAt: true } });
    expect(stored.holdExpiresAt!.getTime() - Date.now()).toBeGreaterThan(47 * 3600_000);
    const optIn = await queuedEmail({ registrationId: registration.registrationId });
    expect(optIn.kind).toBe("opt-in");
    expect(optIn.text).toMatch(/\/r\/[A-Za-z0-9_-]{43}\/bestaetigen/);
    expect(optIn.text).not.toContain("video.example.org");

    expect(await confirmEmail(registration.registrationId)).toEqual({ ok: true, status: "CONFIRMED" });
    expect(await mailKinds(registration.registrationId)).toEqual(["opt-in", "registration-confirmed"]);
    expect(await confirmEmail(registration.registrationId)).toEqual({ ok: false, code: "not-pending" });
  });

  it("does not confirm after the hold has expired", async () => {
    const { sessionId } = await createProgrammeWithSession({ doubleOptIn: true });
    const registration = await register(sessionId);
    expect(await confirmEmail(registration.registrationId, new Date(Date.now() + 49 * 3600_000))).toEqual({ ok: false, code: "hold-expired" });
  });
});

describe("approval by the organisers", () => {
  it("reserves the seat and confirms only on approval, with the invitation", async () => {
    const { sessionId } = await createProgrammeWithSession({ requiresApproval: true });
    const registration = await register(sessionId);
    expect(registration.status).toBe("PENDING");
    expect(await mailKinds(registration.registrationId)).toEqual(["registration-received"]);
    expect(await db.$transaction((tx) => approveRegistration(tx, registration.registrationId))).toEqual({ ok: true });
    const approved = await queuedEmail({ registrationId: registration.registrationId, kind: "registration-approved" });
    expect(JSON.stringify(approved.attachments)).toContain("METHOD:REQUEST");
    expect(await db.$transaction((tx) => approveRegistration(tx, registration.registrationId))).toEqual({ ok: false, code: "not-awaiting-approval" });
  });

  it("on rejection frees the seat for the next waiting person, whose seat again awaits approval", async () => {
    const { sessionId } = await createProgrammeWithSession({ requiresApproval: true, capacity: 1 });
    const first = await register(sessionId);
    const second = await register(sessionId);
    expect(second.status).toBe("WAITLISTED");
    expect(await db.$transaction((tx) => rejectRegistration(tx, first.registrationId, "Leider nur für Kommunen aus NRW."))).toEqual({ ok: true });
    const statuses = await db.registration.findMany({ where: { sessionId }, select: { id: true, status: true } });
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({ [first.registrationId]: "REJECTED", [second.registrationId]: "PENDING" });
    expect(await seatsTaken(sessionId)).toBe(1);
    const rejection = await queuedEmail({ registrationId: first.registrationId, kind: "registration-rejected" });
    expect(rejection.text).toContain("Leider nur für Kommunen aus NRW.");
  });

  it("with double opt-in too: the confirmed address then waits for approval", async () => {
    const { sessionId } = await createProgrammeWithSession({ requiresApproval: true, doubleOptIn: true });
    const registration = await register(sessionId);
    expect(await confirmEmail(registration.registrationId)).toEqual({ ok: true, status: "PENDING" });
    expect(await db.$transaction((tx) => approveRegistration(tx, registration.registrationId))).toEqual({ ok: true });
    expect(await mailKinds(registration.registrationId)).toEqual(["opt-in", "registration-received", "registration-approved"]);
  });
});
