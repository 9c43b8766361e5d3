import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { anonymiseRegistrations } from "@/lib/privacy/anonymise-registrations";
import { confirmEmailChange, findEmailChange } from "@/lib/registrations/confirm-email-change";
import { registerParticipant } from "@/lib/registrations/register-participant";
import { requestEmailChange } from "@/lib/registrations/request-email-change";
import { updateRegistrationDetails } from "@/lib/registrations/update-registration-details";
import { createProgrammeWithSession } from "../helpers/factories";
import { queuedEmail, queuedEmails } from "../helpers/outbox";

const unique = () => randomBytes(6).toString("hex");

async function registered(options: { sessionId?: string; email?: string; answers?: Record<string, unknown> } = {}) {
  const world = options.sessionId ? null : await createProgrammeWithSession();
  const sessionId = options.sessionId ?? world!.sessionId;
  const email = options.email ?? `old.${unique()}@example.org`;
  const outcome = await registerParticipant(
    {
      sessionId,
      firstName: "Ada",
      lastName: "Alt",
      email,
      organisation: "Stadt Beispiel",
      role: "ADMINISTRATION",
      answers: options.answers ?? {},
      consent: true,
      privacyNoticeVersion: "1",
      locale: "de",
    },
    { ip: null },
  );
  if (!outcome.ok) throw new Error(outcome.code);
  return { registrationId: outcome.registrationId, email, sessionId, workshopId: world?.workshopId };
}

function confirmTokenIn(text: string): string {
  const token = text.match(/\/e-mail-bestaetigen\/([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error("no confirmation link in the email");
  return token;
}

describe("changing the address of a registration", () => {
  it("changes nothing until the new address confirms; then mails go there and the old address is told", async () => {
    const { registrationId, email } = await registered();
    const newEmail = `Neu.${unique()}@Example.org `;

    expect(await requestEmailChange(registrationId, { newEmail })).toEqual({ ok: true });
    // Not yet changed.
    expect((await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { email: true } })).email).toBe(email);

    const normalised = newEmail.trim().toLowerCase();
    const link = await queuedEmail({ registrationId, kind: "email-change-confirm" });
    expect(link.toAddress).toBe(normalised);
    expect(link.subject).toContain("Neue E-Mail-Adresse bestätigen");
    const token = confirmTokenIn(link.text);
    // Only the token's hash is stored.
    const stored = await db.emailChange.findMany({ where: { registrationId }, select: { tokenHash: true, newEmail: true } });
    expect(stored).toEqual([{ tokenHash: expect.stringMatching(/^[0-9a-f]{64}$/), newEmail: normalised }]);
    expect(stored[0]!.tokenHash).not.toBe(token);
    expect(await findEmailChange(token)).toMatchObject({ newEmail: normalised, expired: false });

    expect(await confirmEmailChange(token)).toEqual({ ok: true });
    expect((await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { email: true } })).email).toBe(normalised);
    expect(await db.emailChange.count({ where: { registrationId } })).toBe(0);

    const notice = await queuedEmail({ registrationId, kind: "email-changed" });
    expect(notice.toAddress).toBe(email);
    expect(notice.text).toContain(normalised);
    // The link works once.
    expect(await confirmEmailChange(token)).toEqual({ ok: false, code: "unknown" });

    const audit = await db.auditEvent.findMany({
      where: { subjectId: registrationId },
      orderBy: { createdAt: "asc" },
      select: { action: true, details: true },
    });
    expect(audit.map((event) => event.action)).toEqual(["registration.email-change-requested", "registration.email-changed"]);
    expect(JSON.stringify(audit)).not.toContain(normalised);
  });

  it("writes to an English reader with the English title where written, else the German one marked lang=de in the HTML", async () => {
    const { registrationId, workshopId } = await registered();
    await db.registration.update({ where: { id: registrationId }, data: { locale: "en" } });
    const { title } = await db.workshop.findUniqueOrThrow({ where: { id: workshopId! }, select: { title: true } });

    await requestEmailChange(registrationId, { newEmail: `de.${unique()}@example.org` });
    const german = await queuedEmail({ registrationId, kind: "email-change-confirm" });
    expect(german.subject).toContain("Confirm your new email address");
    expect(german.html).toContain(`<span lang="de">${title}</span>`);
    expect(german.text).toContain(title);

    await db.workshop.update({ where: { id: workshopId! }, data: { titleEn: "Protecting staff" } });
    await requestEmailChange(registrationId, { newEmail: `en.${unique()}@example.org` });
    const [, english] = await queuedEmails({ registrationId, kind: "email-change-confirm" });
    expect(english!.subject).toContain("Protecting staff");
    expect(english!.html).toContain("Protecting staff");
    expect(english!.html).not.toContain(`<span lang="de">${title}</span>`);
    expect(await confirmEmailChange(confirmTokenIn(english!.text))).toEqual({ ok: true });
    expect((await queuedEmail({ registrationId, kind: "email-changed" })).subject).toContain("Protecting staff");
  });

  it("refuses the same address and a malformed one, and a newer request replaces the earlier link", async () => {
    const { registrationId, email } = await registered();
    expect(await requestEmailChange(registrationId, { newEmail: email.toUpperCase() })).toEqual({ ok: false, code: "same-email" });
    expect(await requestEmailChange(registrationId, { newEmail: "keine-adresse" })).toEqual({ ok: false, code: "invalid", fieldErrors: { newEmail: "email" } });

    await requestEmailChange(registrationId, { newEmail: `erst.${unique()}@example.org` });
    await requestEmailChange(registrationId, { newEmail: `dann.${unique()}@example.org` });
    const [first, second] = await queuedEmails({ registrationId, kind: "email-change-confirm" });
    expect(await confirmEmailChange(confirmTokenIn(first!.text))).toEqual({ ok: false, code: "unknown" });
    expect(await confirmEmailChange(confirmTokenIn(second!.text))).toEqual({ ok: true });
  });

  it("an expired link changes nothing", async () => {
    const { registrationId, email } = await registered();
    await requestEmailChange(registrationId, { newEmail: `spaet.${unique()}@example.org` }, new Date(Date.now() - 25 * 3600_000));
    const token = confirmTokenIn((await queuedEmail({ registrationId, kind: "email-change-confirm" })).text);
    expect(await findEmailChange(token)).toMatchObject({ expired: true });
    expect(await confirmEmailChange(token)).toEqual({ ok: false, code: "expired" });
    expect((await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { email: true } })).email).toBe(email);
  });

  it("an address already registered for the workshop cannot take over a second registration", async () => {
    const first = await registered();
    const other = await registered({ sessionId: first.sessionId });
    await requestEmailChange(other.registrationId, { newEmail: first.email });
    const token = confirmTokenIn((await queuedEmail({ registrationId: other.registrationId, kind: "email-change-confirm" })).text);
    expect(await confirmEmailChange(token)).toEqual({ ok: false, code: "email-taken" });
    expect((await db.registration.findUniqueOrThrow({ where: { id: other.registrationId }, select: { email: true } })).email).toBe(other.email);
  });

  it("a cancelled or erased registration cannot change its address", async () => {
    const { registrationId } = await registered();
    await requestEmailChange(registrationId, { newEmail: `weg.${unique()}@example.org` });
    const token = confirmTokenIn((await queuedEmail({ registrationId, kind: "email-change-confirm" })).text);
    await db.registration.update({ where: { id: registrationId }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    expect(await confirmEmailChange(token)).toEqual({ ok: false, code: "not-active" });
    expect(await requestEmailChange(registrationId, { newEmail: `nochmal.${unique()}@example.org` })).toEqual({ ok: false, code: "not-active" });
    await db.$transaction((tx) => anonymiseRegistrations(tx, [registrationId], new Date()));
    expect(await db.emailChange.count({ where: { registrationId } })).toBe(0);
  });

  it("stops after five requests a day for one registration", async () => {
    const { registrationId } = await registered();
    const outcomes = [];
    for (let attempt = 0; attempt < 6; attempt++)
      outcomes.push((await requestEmailChange(registrationId, { newEmail: `n${attempt}.${unique()}@example.org` })).ok);
    expect(outcomes).toEqual([true, true, true, true, true, false]);
  });
});

describe("correcting the details of a registration", () => {
  it("corrects role, accessibility needs and answers by the form's rules, and records which fields changed", async () => {
    const world = await createProgrammeWithSession();
    const choice = await db.question.create({
      data: {
        workshopId: world.workshopId,
        position: 0,
        type: "SINGLE_CHOICE",
        labelDe: "Allianz?",
        labelEn: "Alliance?",
        required: true,
        options: [
          { value: "yes", labelDe: "Ja", labelEn: "Yes" },
          { value: "no", labelDe: "Nein", labelEn: "No" },
        ],
      },
      select: { id: true },
    });
    const { registrationId } = await registered({ sessionId: world.sessionId, answers: { [choice.id]: "yes" } });
    const base = { firstName: "Ada", lastName: "Alt", organisation: "Stadt Beispiel" };

    expect(await updateRegistrationDetails(registrationId, { ...base, role: "", accessibilityNeeds: "", answers: { [choice.id]: "" } })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { role: "choiceRequired", [`answers.${choice.id}`]: "choiceRequired" },
    });
    expect(await updateRegistrationDetails(registrationId, { ...base, role: "KING", answers: { [choice.id]: "maybe" } })).toMatchObject({
      ok: false,
      fieldErrors: { role: "choiceRequired", [`answers.${choice.id}`]: "invalidChoice" },
    });

    const saved = await updateRegistrationDetails(registrationId, {
      ...base,
      role: "CIVIL_SOCIETY",
      accessibilityNeeds: "  Live-Untertitel  ",
      answers: { [choice.id]: "no" },
    });
    expect(saved).toEqual({ ok: true, changed: ["role", "accessibilityNeeds", "answers"] });
    const row = await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { role: true, accessibilityNeeds: true, answers: true } });
    expect(row).toEqual({ role: "CIVIL_SOCIETY", accessibilityNeeds: "Live-Untertitel", answers: { [choice.id]: "no" } });

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: registrationId, action: "registration.details-corrected" },
      select: { details: true },
    });
    expect(audit.details).toEqual({ fields: ["role", "accessibilityNeeds", "answers"] });
    expect(JSON.stringify(audit.details)).not.toContain("Untertitel");
  });
});
