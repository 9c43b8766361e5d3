import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createVerificationCode } from "@/lib/certificates/verification-code";
import { db } from "@/lib/db";
import { eraseDataForEmail, exportDataForEmail, findDataForEmail } from "@/lib/privacy/data-subject";
import { createProgrammeWithSession } from "../helpers/factories";
import { registerForTest, uniqueEmail } from "../helpers/registrations";

const admin = { id: null, email: "datenschutz@example.org" };

/** Erika registers herself (an elected official who asks for subtitles). */
function register(sessionId: string, email: string) {
  return registerForTest(sessionId, {
    email,
    firstName: "Erika",
    lastName: "Mustermann",
    organisation: "Stadt Beispiel",
    role: "ELECTED_OFFICIAL",
    accessibilityNeeds: "Untertitel",
  });
}

/** A person with a confirmed seat (and an answer), someone waiting behind them, and a message to their address outside any registration. */
async function personWithSeat() {
  const target = await createProgrammeWithSession({ capacity: 1 });
  const question = await db.question.create({
    data: { workshopId: target.workshopId, type: "TEXT", labelDe: "Ihre Erwartungen", labelEn: "Your expectations" },
    select: { id: true },
  });
  const email = uniqueEmail("erika");
  const seat = await register(target.sessionId, email);
  await db.registration.update({ where: { id: seat.registrationId }, data: { answers: { [question.id]: "Austausch mit anderen Kommunen" } } });
  const waiting = await register(target.sessionId, uniqueEmail("waiting"));
  await db.outboxMessage.create({
    data: {
      messageId: `<${randomUUID()}@test>`,
      kind: "organiser-message",
      toAddress: email,
      subject: "Hinweis zum Workshop",
      html: "<p>Hallo</p>",
      text: "Hallo",
    },
  });
  await db.auditEvent.create({
    data: { action: "attendee.add", subjectType: "registration", subjectId: seat.registrationId, details: { sessionId: target.sessionId } },
  });
  return { target, email, seat, waiting, questionId: question.id };
}

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

describe("a person's request for their data", () => {
  it("finds every registration with workshop, answers and consent, the messages to the address and the audit events about it", async () => {
    const { email, seat, questionId } = await personWithSeat();

    const found = await findDataForEmail(`  ${email.toUpperCase()} `);

    expect(found.ok).toBe(true);
    if (!found.ok) return;
    const { data } = found;
    expect(data.email).toBe(email);
    expect(data.registrations).toHaveLength(1);
    expect(data.registrations[0]).toMatchObject({
      id: seat.registrationId,
      status: "CONFIRMED",
      firstName: "Erika",
      organisation: "Stadt Beispiel",
      accessibilityNeeds: "Untertitel",
      answers: [{ questionId, question: "Ihre Erwartungen", answer: "Austausch mit anderen Kommunen" }],
      consent: { privacyNoticeVersion: 1 },
      session: { workshopTitle: "Testworkshop", programmeName: "Testprogramm" },
      manageLinks: 1,
    });
    expect(data.outboxMessages.map((message) => [message.kind, message.subject])).toEqual([
      ["registration-confirmed", expect.any(String)],
      ["organiser-message", "Hinweis zum Workshop"],
    ]);
    expect(data.outboxMessages[0]).not.toHaveProperty("html");
    expect(data.auditEvents.map((event) => event.action)).toEqual(["attendee.add"]);
    // Plain data: survives JSON unchanged.
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it("includes attendance, the certificate's verification code and whether the evaluation link was answered, but no evaluation answer", async () => {
    const { target, email, seat } = await personWithSeat();
    const before = await findDataForEmail(email);
    expect(before.ok && before.data.registrations[0]).toMatchObject({ attended: null, certificateCode: null, evaluation: null });

    const certificateCode = createVerificationCode();
    await db.registration.update({ where: { id: seat.registrationId }, data: { attended: true, certificateCode } });
    const reminded = new Date("2026-12-10T09:00:00Z");
    await db.evaluationInvitation.create({
      data: { registrationId: seat.registrationId, sessionId: target.sessionId, tokenHash: sha256(randomUUID()), answered: true, reminderSentAt: reminded },
    });

    const found = await findDataForEmail(email);
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.data.registrations[0]).toMatchObject({
      attended: true,
      certificateCode,
      evaluation: { invitedAt: expect.any(String), answered: true, reminderSentAt: reminded.toISOString() },
    });
    expect(JSON.stringify(found.data)).not.toContain("tokenHash");
  });

  it("records an export in the audit trail without the address in clear text", async () => {
    const { email } = await personWithSeat();

    const exported = await exportDataForEmail(email, admin);

    expect(exported.ok && exported.data.registrations).toHaveLength(1);
    const events = await db.auditEvent.findMany({
      where: { action: "privacy.subject.export", subjectId: sha256(email) },
      select: { actorEmail: true, subjectType: true, details: true },
    });
    expect(events).toEqual([{ actorEmail: admin.email, subjectType: "data-subject", details: { registrations: 1, messages: 2, auditEvents: 1 } }]);
    expect(JSON.stringify(events)).not.toContain(email);
  });

  it("refuses something that is not an email address", async () => {
    expect(await findDataForEmail("keine-adresse")).toEqual({ ok: false, code: "invalid-email" });
    expect(await eraseDataForEmail("", admin)).toEqual({ ok: false, code: "invalid-email" });
  });
});

describe("erasing a person's data", () => {
  it("cancels their seat for the next person waiting, anonymises them, deletes their messages and tells only the person moved up", async () => {
    const { target, email, seat, waiting } = await personWithSeat();

    const erased = await eraseDataForEmail(email, admin);

    expect(erased).toEqual({
      ok: true,
      counts: { registrations: 1, cancelled: 1, promoted: 1, manageTokensDeleted: 1, messagesDeleted: 2, rateLimitCountersDeleted: 1 },
    });
    const row = await db.registration.findUniqueOrThrow({
      where: { id: seat.registrationId },
      select: { status: true, firstName: true, email: true, organisation: true, answers: true, accessibilityNeeds: true, anonymisedAt: true, role: true },
    });
    expect(row).toMatchObject({
      status: "CANCELLED",
      firstName: "",
      email: `anonymised-${seat.registrationId}@invalid`,
      organisation: "",
      answers: {},
      accessibilityNeeds: null,
      role: "ELECTED_OFFICIAL",
    });
    expect(row.anonymisedAt).not.toBeNull();
    expect(await db.registration.findUniqueOrThrow({ where: { id: waiting.registrationId }, select: { status: true } })).toEqual({ status: "CONFIRMED" });
    expect(await db.session.findUniqueOrThrow({ where: { id: target.sessionId }, select: { confirmedCount: true } })).toEqual({ confirmedCount: 1 });
    expect(await db.outboxMessage.count({ where: { registrationId: waiting.registrationId, kind: "waitlist-promoted" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { OR: [{ toAddress: email }, { registrationId: seat.registrationId }] } })).toBe(0);

    const audit = await db.auditEvent.findMany({
      where: { action: "privacy.subject.erase", subjectId: sha256(email) },
      select: { details: true, actorEmail: true },
    });
    expect(audit).toEqual([{ actorEmail: admin.email, details: erased.ok ? erased.counts : null }]);
    expect(JSON.stringify(audit)).not.toContain(email);

    const after = await findDataForEmail(email);
    expect(after.ok && [after.data.registrations, after.data.outboxMessages]).toEqual([[], []]);
  });

  it("frees the seat reserved for a registration awaiting approval", async () => {
    const target = await createProgrammeWithSession({ capacity: 2, requiresApproval: true });
    await register(target.sessionId, uniqueEmail("seated"));
    const email = uniqueEmail("approval");
    await register(target.sessionId, email);
    expect(await db.session.findUniqueOrThrow({ where: { id: target.sessionId }, select: { confirmedCount: true } })).toEqual({ confirmedCount: 2 });

    const erased = await eraseDataForEmail(email, admin);

    expect(erased.ok && erased.counts).toMatchObject({ registrations: 1, cancelled: 1, promoted: 0 });
    expect(await db.session.findUniqueOrThrow({ where: { id: target.sessionId }, select: { confirmedCount: true } })).toEqual({ confirmedCount: 1 });
  });

  it("is harmless for an address nothing is stored for, and still recorded", async () => {
    const email = uniqueEmail("unknown");
    expect(await eraseDataForEmail(email, admin)).toEqual({
      ok: true,
      counts: { registrations: 0, cancelled: 0, promoted: 0, manageTokensDeleted: 0, messagesDeleted: 0, rateLimitCountersDeleted: 0 },
    });
    expect(await db.auditEvent.count({ where: { action: "privacy.subject.erase", subjectId: sha256(email) } })).toBe(1);
  });
});
