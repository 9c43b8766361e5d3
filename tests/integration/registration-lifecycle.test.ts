import { createHash, randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { confirmEmail, findConfirmation } from "@/lib/registrations/confirm-email";
import { anonymiseRegistrations } from "@/lib/privacy/anonymise-registrations";
import { approveRegistration, rejectRegistration } from "@/lib/registrations/decide-registration";
import { resolveManageToken } from "@/lib/registrations/manage-access";
import { registerParticipant } from "@/lib/registrations/register-participant";
import { createProgrammeWithSession } from "../helpers/factories";
import { queuedEmail, queuedEmails } from "../helpers/outbox";

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

async function register(sessionId: string, email?: string) {
  const outcome = await registerParticipant({ ...person(sessionId), ...(email ? { email } : {}) }, { ip: null });
  if (!outcome.ok) throw new Error(`registration refused: ${outcome.code}`);
  return outcome;
}

/** The confirmation token from the newest opt-in email of a registration: only that email carries it. */
async function confirmTokenFromMail(registrationId: string): Promise<string> {
  const mails = await queuedEmails({ registrationId, kind: "opt-in" });
  const token = mails.at(-1)?.text.match(/\/bestaetigen\/([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error("no confirmation link in the opt-in email");
  return token;
}

const seatsTaken = async (sessionId: string) =>
  (await db.session.findUniqueOrThrow({ where: { id: sessionId }, select: { confirmedCount: true } })).confirmedCount;
const mailKinds = async (registrationId: string) =>
  (await db.outboxMessage.findMany({ where: { registrationId }, select: { kind: true }, orderBy: { createdAt: "asc" } })).map((mail) => mail.kind);

describe("double opt-in", () => {
  it("holds the seat until the person confirms with the link from the opt-in email, then confirms with the invitation", async () => {
    const { sessionId } = await createProgrammeWithSession({ doubleOptIn: true, capacity: 1 });
    const registration = await register(sessionId);
    expect(registration.status).toBe("PENDING");
    expect(await seatsTaken(sessionId)).toBe(1);
    const stored = await db.registration.findUniqueOrThrow({
      where: { id: registration.registrationId },
      select: { holdExpiresAt: true, confirmTokenHash: true },
    });
    expect(stored.holdExpiresAt!.getTime() - Date.now()).toBeGreaterThan(47 * 3600_000);
    const optIn = await queuedEmail({ registrationId: registration.registrationId });
    expect(optIn.kind).toBe("opt-in");
    expect(optIn.text).not.toContain("video.example.org");
    // Its own token, not a manage link, stored only as its hash.
    expect(optIn.text).toMatch(/\/bestaetigen\/[A-Za-z0-9_-]{43}/);
    expect(optIn.text).not.toMatch(/\/r\/[A-Za-z0-9_-]{43}/);
    const token = await confirmTokenFromMail(registration.registrationId);
    expect(stored.confirmTokenHash).toBe(createHash("sha256").update(token).digest("hex"));

    expect(await confirmEmail(token)).toEqual({ ok: true, status: "CONFIRMED" });
    expect(await mailKinds(registration.registrationId)).toEqual(["opt-in", "registration-confirmed"]);
    // Once only.
    expect(await confirmEmail(token)).toEqual({ ok: false, code: "not-pending" });
    expect(await mailKinds(registration.registrationId)).toEqual(["opt-in", "registration-confirmed"]);
  });

  it("cannot be confirmed with the manage token, a wrong token or the stored hash", async () => {
    const { sessionId } = await createProgrammeWithSession({ doubleOptIn: true });
    const registration = await register(sessionId);
    // The registration's manage token (queued with the email, as every manage link is) confirms nothing.
    const queued = await db.outboxMessage.findFirstOrThrow({ where: { registrationId: registration.registrationId }, select: { template: true } });
    const manageToken = String((queued.template as { manageUrl: string }).manageUrl).split("/r/")[1]!;
    expect(await resolveManageToken(manageToken, null)).toEqual({ id: registration.registrationId });
    const { confirmTokenHash } = await db.registration.findUniqueOrThrow({ where: { id: registration.registrationId }, select: { confirmTokenHash: true } });
    for (const wrong of [manageToken, randomBytes(32).toString("base64url"), confirmTokenHash!, "", "kurz"]) {
      expect(await confirmEmail(wrong)).toEqual({ ok: false, code: "unknown" });
      expect(await findConfirmation(wrong)).toBeNull();
    }
    expect(await db.registration.findUniqueOrThrow({ where: { id: registration.registrationId }, select: { status: true, emailConfirmedAt: true } })).toEqual({
      status: "PENDING",
      emailConfirmedAt: null,
    });
    expect(await mailKinds(registration.registrationId)).toEqual(["opt-in"]);
  });

  it("shows the token holder the workshop and how the confirmation stands, nothing for anyone else", async () => {
    const { sessionId } = await createProgrammeWithSession({ doubleOptIn: true });
    const registration = await register(sessionId);
    const token = await confirmTokenFromMail(registration.registrationId);
    expect(await findConfirmation(token)).toMatchObject({ state: "awaiting", workshopTitle: "Testworkshop" });
    await confirmEmail(token);
    expect(await findConfirmation(token)).toMatchObject({ state: "confirmed" });
    expect(await findConfirmation(token, new Date(Date.now() + 49 * 3600_000))).toMatchObject({ state: "confirmed" });
  });

  it("a second registration of an unconfirmed address sends a new opt-in email whose link replaces the old one", async () => {
    const { sessionId } = await createProgrammeWithSession({ doubleOptIn: true });
    const email = `lea.${randomUUID().slice(0, 8)}@example.org`;
    const registration = await register(sessionId, email);
    const firstToken = await confirmTokenFromMail(registration.registrationId);
    const again = await registerParticipant({ ...person(sessionId), email }, { ip: null });
    expect(again).toEqual({ ok: false, code: "already-registered", registrationId: registration.registrationId });
    expect(await mailKinds(registration.registrationId)).toEqual(["opt-in", "opt-in"]);
    const secondToken = await confirmTokenFromMail(registration.registrationId);
    expect(secondToken).not.toBe(firstToken);
    expect(await confirmEmail(firstToken)).toEqual({ ok: false, code: "unknown" });
    expect(await confirmEmail(secondToken)).toEqual({ ok: true, status: "CONFIRMED" });
  });

  it("stops working when the registration is erased", async () => {
    const { sessionId } = await createProgrammeWithSession({ doubleOptIn: true });
    const registration = await register(sessionId);
    const token = await confirmTokenFromMail(registration.registrationId);
    await db.$transaction((tx) => anonymiseRegistrations(tx, [registration.registrationId], new Date()));
    expect(await db.registration.findUniqueOrThrow({ where: { id: registration.registrationId }, select: { confirmTokenHash: true } })).toEqual({
      confirmTokenHash: null,
    });
    expect(await findConfirmation(token)).toBeNull();
    expect(await confirmEmail(token)).toEqual({ ok: false, code: "unknown" });
  });

  it("does not confirm after the hold has expired", async () => {
    const { sessionId } = await createProgrammeWithSession({ doubleOptIn: true });
    const registration = await register(sessionId);
    const token = await confirmTokenFromMail(registration.registrationId);
    const later = new Date(Date.now() + 49 * 3600_000);
    expect(await findConfirmation(token, later)).toMatchObject({ state: "expired" });
    expect(await confirmEmail(token, later)).toEqual({ ok: false, code: "hold-expired" });
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
    const token = await confirmTokenFromMail(registration.registrationId);
    expect(await confirmEmail(token)).toEqual({ ok: true, status: "PENDING" });
    // Still pending (for the organisers), but the address is confirmed once only.
    expect(await confirmEmail(token)).toEqual({ ok: false, code: "not-pending" });
    expect(await findConfirmation(token)).toMatchObject({ state: "awaiting-approval" });
    expect(await db.$transaction((tx) => approveRegistration(tx, registration.registrationId))).toEqual({ ok: true });
    expect(await mailKinds(registration.registrationId)).toEqual(["opt-in", "registration-received", "registration-approved"]);
  });
});
