import { randomBytes, randomUUID } from "node:crypto";
import { text as readText } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { AuthorizationError, NotFoundError, type Actor } from "@/lib/auth/authorisation";
import { db } from "@/lib/db";
import { chooseEvaluationQuestionnaire } from "@/lib/evaluation/choose-evaluation-questionnaire";
import { exportEvaluation } from "@/lib/evaluation/export-evaluation";
import { openEvaluationForm } from "@/lib/evaluation/open-evaluation-form";
import { moveEvaluationQuestion } from "@/lib/evaluation/move-evaluation-question";
import { getEvaluationResults, getEvaluationSetup, getProgrammeQuestionnaire } from "@/lib/evaluation/queries";
import { removeEvaluationQuestion } from "@/lib/evaluation/remove-evaluation-question";
import { saveEvaluationQuestion } from "@/lib/evaluation/save-evaluation-question";
import { EVALUATION_NUMBER_BOUNDS } from "@/lib/evaluation/schema";
import { updateEvaluationDefaults } from "@/lib/evaluation/update-evaluation-defaults";
import { updateEvaluationSettings } from "@/lib/evaluation/update-evaluation-settings";
import { rateLimitSubjectDigest } from "@/lib/rate-limit/consume-rate-limit";
import { sendEvaluationInvitations, sendEvaluationReminders } from "@/lib/evaluation/send-evaluation-invitations";
import { submitEvaluation } from "@/lib/evaluation/submit-evaluation";
import { createProgrammeWithSession } from "../helpers/factories";
import { queuedEmails } from "../helpers/outbox";
import { registerForTest, uniqueEmail } from "../helpers/registrations";

// The evaluation after a session (docs/decisions/0028). Other test files share
// the database; every assertion looks only at this test's own sessions. The
// concurrent calls race on the real PostgreSQL (TEST_DATABASE_URL).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A workshop with the programme's default questionnaire (a rating, a choice, a text), a session that ended `endedHoursAgo` and its people. */
async function endedSession(options: { people?: number; endedHoursAgo?: number } = {}) {
  const target = await createProgrammeWithSession({ capacity: 20 });
  const [rating, choice, freeText] = await Promise.all(
    [
      {
        type: "RATING" as const,
        labelDe: "Insgesamt",
        labelEn: "Overall",
        required: true,
        scaleLowDe: "schlecht",
        scaleLowEn: "poor",
        scaleHighDe: "gut",
        scaleHighEn: "good",
      },
      {
        type: "SINGLE_CHOICE" as const,
        labelDe: "Anwenden?",
        labelEn: "Apply?",
        options: [
          { value: "ja", labelDe: "Ja", labelEn: "Yes" },
          { value: "nein", labelDe: "Nein", labelEn: "No" },
        ],
      },
      { type: "TEXT" as const, labelDe: "Anregungen", labelEn: "Suggestions" },
    ].map((question, position) => db.evaluationQuestion.create({ data: { ...question, programmeId: target.programmeId, position }, select: { id: true } })),
  );
  const people: { id: string; email: string }[] = [];
  for (let index = 0; index < (options.people ?? 3); index += 1) {
    const email = uniqueEmail(`teilnahme-${index}`);
    people.push({ id: (await registerForTest(target.sessionId, { email, firstName: "Jürgen" })).registrationId, email });
  }
  const endsAt = new Date(Date.now() - (options.endedHoursAgo ?? 2) * HOUR);
  await db.session.update({ where: { id: target.sessionId }, data: { startsAt: new Date(endsAt.getTime() - 2 * HOUR), endsAt } });
  return { ...target, people, questions: { rating: rating!.id, choice: choice!.id, text: freeText!.id } };
}

function invitationsOf(sessionId: string) {
  return queuedEmails({ kind: "evaluation-invitation", registration: { sessionId } });
}

function tokenIn(mailText: string): string {
  const match = mailText.match(/\/bewertung\/([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error("no evaluation link in the mail");
  return match[1]!;
}

function answers(entries: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) for (const single of [value].flat()) form.append(name, single);
  return form;
}

async function adminActor(): Promise<Actor> {
  const user = await db.user.create({ data: { email: uniqueEmail("admin"), role: "ADMIN" }, select: { id: true, email: true, name: true, role: true } });
  return user;
}

describe("evaluation invitations after a session", () => {
  it("reach every person marked as attended exactly once, with two workers at the same moment and after a restart", async () => {
    const target = await endedSession({ people: 4 });
    const [present, alsoPresent, absent, notMarked] = target.people;
    await db.registration.update({ where: { id: present!.id }, data: { attended: true } });
    await db.registration.update({ where: { id: alsoPresent!.id }, data: { attended: true } });
    await db.registration.update({ where: { id: absent!.id }, data: { attended: false } });

    const now = new Date();
    await Promise.all([sendEvaluationInvitations(now), sendEvaluationInvitations(now)]);
    await sendEvaluationInvitations(new Date(now.getTime() + HOUR));

    const mails = await invitationsOf(target.sessionId);
    expect(mails.map((mail) => mail.toAddress).sort()).toEqual([present!.email, alsoPresent!.email].sort());
    expect(await db.evaluationInvitation.count({ where: { sessionId: target.sessionId } })).toBe(2);
    expect(notMarked).toBeDefined();
    for (const mail of mails) {
      expect(mail.text).toContain("/bewertung/");
      expect(mail.text).toContain("anonym");
      // Marked as attended: the certificate can be downloaded from the manage link.
      expect(mail.text).toContain("Teilnahmebescheinigung");
      expect(mail.text).toContain("/r/");
    }
  });

  it("go to every confirmed participant when nobody's attendance was taken, without the certificate; not at all when the workshop asks only people marked as attended", async () => {
    const fallback = await endedSession({ people: 2 });
    const strict = await endedSession({ people: 2 });
    await db.workshop.update({ where: { id: strict.workshopId }, data: { evaluationRecipients: "ATTENDED" } });

    await sendEvaluationInvitations();

    const mails = await invitationsOf(fallback.sessionId);
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expect(mail.text).not.toContain("Teilnahmebescheinigung");
      expect(mail.text).not.toContain("/r/");
    }
    expect(await invitationsOf(strict.sessionId)).toEqual([]);
  });

  it("wait for the delay after the end (default one hour) and leave disabled workshops alone", async () => {
    const justEnded = await endedSession({ people: 1, endedHoursAgo: 0.5 });
    const disabled = await endedSession({ people: 1 });
    await db.workshop.update({ where: { id: disabled.workshopId }, data: { evaluationEnabled: false } });

    await sendEvaluationInvitations();
    expect(await invitationsOf(justEnded.sessionId)).toEqual([]);
    expect(await invitationsOf(disabled.sessionId)).toEqual([]);

    await sendEvaluationInvitations(new Date(Date.now() + HOUR));
    expect(await invitationsOf(justEnded.sessionId)).toHaveLength(1);
  });

  it("remind once after the configured days the people who have not answered (default: no reminder)", async () => {
    const target = await endedSession({ people: 2 });
    await sendEvaluationInvitations();
    const [first, second] = await invitationsOf(target.sessionId);
    expect(await submitEvaluation(tokenIn(first!.text), answers({ [`q-${target.questions.rating}`]: "4" }), { ip: null })).toEqual({ ok: true });

    const later = new Date(Date.now() + 4 * DAY);
    expect(await sendEvaluationReminders(later)).toBeGreaterThanOrEqual(0);
    expect(await queuedEmails({ kind: "evaluation-reminder", registration: { sessionId: target.sessionId } })).toEqual([]);

    await db.workshop.update({ where: { id: target.workshopId }, data: { evaluationReminderDays: 3 } });
    await Promise.all([sendEvaluationReminders(later), sendEvaluationReminders(later)]);
    await sendEvaluationReminders(new Date(later.getTime() + DAY));
    const reminders = await queuedEmails({ kind: "evaluation-reminder", registration: { sessionId: target.sessionId } });
    expect(reminders.map((reminder) => reminder.toAddress)).toEqual([second!.toAddress]);
    expect(reminders[0]!.subject).toContain("Erinnerung");
    // Both links lead to the same single answer.
    expect(await submitEvaluation(tokenIn(reminders[0]!.text), answers({ [`q-${target.questions.rating}`]: "5" }), { ip: null })).toEqual({ ok: true });
    expect(await submitEvaluation(tokenIn(second!.text), answers({ [`q-${target.questions.rating}`]: "5" }), { ip: null })).toEqual({
      ok: false,
      code: "already-answered",
    });
  });
});

describe("evaluation answers", () => {
  it("are stored once per link, even when sent twice at the same moment", async () => {
    const target = await endedSession({ people: 1 });
    await sendEvaluationInvitations();
    const [mail] = await invitationsOf(target.sessionId);
    const token = tokenIn(mail!.text);
    const form = { [`q-${target.questions.rating}`]: "5", [`q-${target.questions.choice}`]: "ja", [`q-${target.questions.text}`]: "Mehr Zeit für Fragen" };

    const outcomes = await Promise.all([submitEvaluation(token, answers(form), { ip: null }), submitEvaluation(token, answers(form), { ip: null })]);

    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([{ ok: false, code: "already-answered" }]);
    expect(await db.evaluationResponse.count({ where: { sessionId: target.sessionId } })).toBe(1);
    const invitation = await db.evaluationInvitation.findUniqueOrThrow({ where: { registrationId: target.people[0]!.id }, select: { answered: true } });
    expect(invitation.answered).toBe(true);
    expect(await submitEvaluation("x".repeat(43), answers(form), { ip: null })).toEqual({ ok: false, code: "not-found" });
  });

  it("refuse a missing required answer and store nothing", async () => {
    const target = await endedSession({ people: 1 });
    await sendEvaluationInvitations();
    const [mail] = await invitationsOf(target.sessionId);
    const outcome = await submitEvaluation(tokenIn(mail!.text), answers({ [`q-${target.questions.text}`]: "Nur Text" }), { ip: null });
    expect(outcome).toEqual({ ok: false, code: "invalid", fieldErrors: { [`q-${target.questions.rating}`]: "required" } });
    expect(await db.evaluationResponse.count({ where: { sessionId: target.sessionId } })).toBe(0);
  });

  it("cannot be joined to registrations or addresses: no column of the answer tables refers to them", async () => {
    const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name IN ('evaluation_responses', 'evaluation_answers')
      ORDER BY table_name, ordinal_position`;
    expect(columns.map((column) => `${column.table_name}.${column.column_name}`)).toEqual([
      "evaluation_answers.responseId",
      "evaluation_answers.questionId",
      "evaluation_answers.rating",
      "evaluation_answers.choices",
      "evaluation_answers.text",
      "evaluation_responses.id",
      "evaluation_responses.workshopId",
      "evaluation_responses.sessionId",
    ]);
    // Every foreign key of both tables, and where it points: never to registrations, invitations, outbox or tokens.
    const references = await db.$queryRaw<{ from_table: string; to_table: string }[]>`
      SELECT conrelid::regclass::text AS from_table, confrelid::regclass::text AS to_table FROM pg_constraint
      WHERE contype = 'f' AND conrelid::regclass::text IN ('evaluation_responses', 'evaluation_answers')
      ORDER BY 1, 2`;
    expect(references.map((reference) => `${reference.from_table} -> ${reference.to_table}`)).toEqual([
      "evaluation_answers -> evaluation_questions",
      "evaluation_answers -> evaluation_responses",
      "evaluation_responses -> sessions",
      "evaluation_responses -> workshops",
    ]);
    // And nothing on the invitation side points to a response.
    const invitationColumns = await db.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'evaluation_invitations'`;
    expect(invitationColumns.map((column) => column.column_name).filter((name) => /response|answer(?!ed$)/i.test(name))).toEqual([]);
  });
});

describe("evaluation links tried from one address", () => {
  const guess = () => randomBytes(32).toString("base64url");
  /** An address no other test uses (documentation range, random host part). */
  const address = () =>
    `2001:db8::${randomBytes(4)
      .toString("hex")
      .replace(/(.{4})(.{4})/, "$1:$2")}`;
  const storedResponses = (sessionId: string) => db.evaluationResponse.count({ where: { sessionId } });

  it("are refused after 30 unknown links, opened or posted; a submission from there then stores nothing, while another address answers", async () => {
    const target = await endedSession({ people: 2 });
    await sendEvaluationInvitations();
    const [first, second] = (await invitationsOf(target.sessionId)).map((mail) => tokenIn(mail.text));
    const complete = answers({ [`q-${target.questions.rating}`]: "4" });
    const attacker = address();
    expect(await openEvaluationForm(first!, attacker)).toMatchObject({ answered: false });

    const tries: unknown[] = [];
    for (let attempt = 0; attempt < 15; attempt += 1) {
      tries.push(await openEvaluationForm(guess(), attacker));
      const posted = await submitEvaluation(attempt % 5 === 0 ? "kein-link" : guess(), complete, { ip: attacker });
      tries.push(posted.ok ? "stored" : posted.code);
    }
    expect(tries.every((outcome) => outcome === "unknown" || outcome === "not-found")).toBe(true);
    expect(await openEvaluationForm(guess(), attacker)).toBe("rate-limited");
    // Past the limit nothing is looked up from that address, the right link neither.
    expect(await openEvaluationForm(first!, attacker)).toBe("rate-limited");
    expect(await submitEvaluation(first!, complete, { ip: attacker })).toEqual({ ok: false, code: "rate-limited" });
    expect(await storedResponses(target.sessionId)).toBe(0);
    expect(await db.evaluationInvitation.count({ where: { sessionId: target.sessionId, answered: true } })).toBe(0);

    const elsewhere = address();
    expect(await openEvaluationForm(first!, elsewhere)).toMatchObject({ answered: false });
    expect(await submitEvaluation(first!, complete, { ip: elsewhere })).toEqual({ ok: true });

    // Ten minutes later the address may try again.
    await db.$executeRaw`UPDATE "rate_limits" SET "windowStart" = now() - interval '11 minutes' WHERE "key" = ${`evaluation-link:ip:${rateLimitSubjectDigest(attacker)}`}`;
    expect(await submitEvaluation(second!, complete, { ip: attacker })).toEqual({ ok: true });
    expect(await storedResponses(target.sessionId)).toBe(2);
  });

  it("never count the right link: a participant who opens it again and again, and answers, is not held back", async () => {
    const target = await endedSession({ people: 1 });
    await sendEvaluationInvitations();
    const [mail] = await invitationsOf(target.sessionId);
    const token = tokenIn(mail!.text);
    const participant = address();
    for (let attempt = 0; attempt < 35; attempt += 1) expect(await openEvaluationForm(token, participant)).toMatchObject({ answered: false });
    expect(await submitEvaluation(token, answers({ [`q-${target.questions.rating}`]: "5" }), { ip: participant })).toEqual({ ok: true });
    expect(await openEvaluationForm(token, participant)).toMatchObject({ answered: true });
  });

  it("take at most 60 posts of the form in ten minutes from one address; past that even a right link stores nothing there", async () => {
    const target = await endedSession({ people: 1 });
    await sendEvaluationInvitations();
    const [mail] = await invitationsOf(target.sessionId);
    const token = tokenIn(mail!.text);
    const busy = address();
    const incomplete = answers({ [`q-${target.questions.text}`]: "Ohne Bewertung" });
    const outcomes = new Set<string>();
    for (let attempt = 0; attempt < 60; attempt += 1) {
      const outcome = await submitEvaluation(token, incomplete, { ip: busy });
      outcomes.add(outcome.ok ? "ok" : outcome.code);
    }
    expect([...outcomes]).toEqual(["invalid"]);

    const complete = answers({ [`q-${target.questions.rating}`]: "3" });
    expect(await submitEvaluation(token, complete, { ip: busy })).toEqual({ ok: false, code: "rate-limited" });
    expect(await storedResponses(target.sessionId)).toBe(0);
    // Viewing the link is not a post: it still opens from there.
    expect(await openEvaluationForm(token, busy)).toMatchObject({ answered: false });
    expect(await submitEvaluation(token, complete, { ip: address() })).toEqual({ ok: true });
    expect(await storedResponses(target.sessionId)).toBe(1);
  });
});

describe("evaluation results", () => {
  it("leave a lone small session's answers out of the workshop's totals and export, so subtraction cannot reveal them", async () => {
    const admin = await adminActor();
    const target = await endedSession({ people: 0 });
    const session = await db.session.findUniqueOrThrow({ where: { id: target.sessionId } });
    const { id: small } = await db.session.create({
      data: { workshopId: session.workshopId, startsAt: session.startsAt, endsAt: session.endsAt, capacity: 20 },
      select: { id: true },
    });
    const respond = (sessionId: string, rating: number) =>
      db.evaluationResponse.create({
        data: { workshopId: session.workshopId, sessionId, answers: { create: [{ questionId: target.questions.rating, rating }] } },
      });
    for (const rating of [4, 4, 4]) await respond(target.sessionId, rating);
    await respond(small, 1);

    const results = await getEvaluationResults(admin, target.workshopId);
    expect(results).toMatchObject({ responses: 4, withheldResponses: 1 });
    expect(results.summaries?.[0]).toMatchObject({ kind: "rating", answered: 3, average: 4 });
    expect(results.sessions.find((entry) => entry.id === small)).toMatchObject({ responses: 1, summaries: null });
    const file = await exportEvaluation(admin, target.workshopId, "csv", "de");
    if (!file.ok) throw new Error(file.code);
    expect((await readText(file.body)).trim().split("\r\n")).toHaveLength(1 + 3);

    // Two small sessions that reach the minimum together count again (the difference is a group of three).
    await respond(small, 2);
    await respond(small, 3);
    expect((await getEvaluationResults(admin, target.workshopId)).withheldResponses).toBe(0);
  });

  it("show a session's breakdown only from the minimum number of answers on (default 3), and export formula-safe rows", async () => {
    const admin = await adminActor();
    const target = await endedSession({ people: 3 });
    await sendEvaluationInvitations();
    const tokens = (await invitationsOf(target.sessionId)).map((mail) => tokenIn(mail.text));
    const rating = `q-${target.questions.rating}`;
    const text = `q-${target.questions.text}`;
    await submitEvaluation(tokens[0]!, answers({ [rating]: "5", [text]: '=HYPERLINK("https://example.org")' }), { ip: null });
    await submitEvaluation(tokens[1]!, answers({ [rating]: "4", [`q-${target.questions.choice}`]: "ja" }), { ip: null });

    const below = await getEvaluationResults(admin, target.workshopId);
    expect(below).toMatchObject({ minimumAnswers: 3, invited: 3, responses: 2, summaries: null });
    expect(below.sessions).toEqual([expect.objectContaining({ id: target.sessionId, invited: 3, responses: 2, summaries: null })]);
    expect(await exportEvaluation(admin, target.workshopId, "csv", "de")).toEqual({ ok: false, code: "evaluation-too-few-answers" });

    await submitEvaluation(tokens[2]!, answers({ [rating]: "3" }), { ip: null });
    const reached = await getEvaluationResults(admin, target.workshopId);
    const [overall] = reached.summaries ?? [];
    expect(overall).toMatchObject({ kind: "rating", answered: 3, average: 4 });
    expect(reached.sessions[0]!.summaries?.[0]).toMatchObject({ kind: "rating", answered: 3, average: 4 });

    const file = await exportEvaluation(admin, target.workshopId, "csv-semicolon", "de");
    if (!file.ok) throw new Error(file.code);
    expect(file.fileName).toMatch(/^bewertung_workshop-.*\.csv$/);
    const csv = await readText(file.body);
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Bogen;Termin;Insgesamt;Anwenden?;Anregungen");
    expect(lines).toHaveLength(4);
    expect(csv).toContain(`"'=HYPERLINK(""https://example.org"")"`);
    expect(csv).toContain(";Ja;");
    expect(csv).not.toContain("@example.org;");
    const audit = await db.auditEvent.findFirst({ where: { action: "export.evaluation", subjectId: target.workshopId }, select: { details: true } });
    expect(audit?.details).toMatchObject({ format: "csv-semicolon", rows: 3 });

    const xlsx = await exportEvaluation(admin, target.workshopId, "xlsx", "en");
    if (!xlsx.ok) throw new Error(xlsx.code);
    expect((await xlsx.body.toArray()).length).toBeGreaterThan(0);
  });

  it("leave a lone session below the minimum out of the totals and the export, even when the workshop as a whole has enough", async () => {
    const admin = await adminActor();
    const target = await endedSession({ people: 3 });
    await sendEvaluationInvitations();
    const first = (await invitationsOf(target.sessionId)).map((mail) => tokenIn(mail.text));
    for (const token of first) await submitEvaluation(token, answers({ [`q-${target.questions.rating}`]: "4" }), { ip: null });
    // One answer from the workshop's second date.
    const email = uniqueEmail("zweiter-termin");
    await registerForTest(target.otherSessionId, { email, firstName: "Jürgen" });
    const endsAt = new Date(Date.now() - 2 * HOUR);
    await db.session.update({ where: { id: target.otherSessionId }, data: { startsAt: new Date(endsAt.getTime() - HOUR), endsAt } });
    await sendEvaluationInvitations();
    const [other] = await invitationsOf(target.otherSessionId);
    await submitEvaluation(tokenIn(other!.text), answers({ [`q-${target.questions.rating}`]: "1" }), { ip: null });

    const results = await getEvaluationResults(admin, target.workshopId);
    expect(results).toMatchObject({ responses: 4, withheldResponses: 1 });
    expect(results.summaries?.[0]).toMatchObject({ kind: "rating", answered: 3, average: 4 });
    expect(results.sessions.find((session) => session.id === target.otherSessionId)).toMatchObject({ responses: 1, summaries: null });

    const file = await exportEvaluation(admin, target.workshopId, "csv", "de");
    if (!file.ok) throw new Error(file.code);
    const rows = (await readText(file.body)).trim().split("\r\n").slice(1);
    expect(rows.filter((row) => /^\d+,,/.test(row))).toHaveLength(0);
    expect(rows.filter((row) => /^\d+,\d{4}-\d{2}-\d{2} \d{2}:\d{2},/.test(row))).toHaveLength(3);
  });
});

describe("the evaluation form of a workshop", () => {
  it("starts its own questions from a copy of the default, keeps answered questions and their type, and refuses organisers of other workshops", async () => {
    const admin = await adminActor();
    const target = await endedSession({ people: 1 });
    const stranger = await db.user.create({
      data: { email: uniqueEmail("fremd"), role: "ORGANISER" },
      select: { id: true, email: true, name: true, role: true },
    });
    const question = { type: "TEXT", labelDe: "Noch etwas?", labelEn: "Anything else?" };

    expect(await saveEvaluationQuestion(admin, { workshopId: target.workshopId }, question)).toEqual({ ok: false, code: "evaluation-default-questionnaire" });
    expect(await chooseEvaluationQuestionnaire(admin, target.workshopId, true)).toEqual({ ok: true, copied: 3 });
    const saved = await saveEvaluationQuestion(admin, { workshopId: target.workshopId }, question);
    expect(saved.ok).toBe(true);
    const setup = await getEvaluationSetup(admin, target.workshopId);
    expect(setup.questions.map((entry) => entry.labelDe)).toEqual(["Insgesamt", "Anwenden?", "Anregungen", "Noch etwas?"]);
    expect(
      await updateEvaluationSettings(admin, target.workshopId, {
        enabled: "on",
        recipients: "ATTENDED",
        delayHours: "",
        reminderDays: "2",
        minimumAnswers: "0",
      }),
    ).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { minimumAnswers: "tooSmall" },
    });
    expect(
      await updateEvaluationSettings(admin, target.workshopId, {
        enabled: "on",
        recipients: "ATTENDED",
        delayHours: "",
        reminderDays: "2",
        minimumAnswers: "5",
      }),
    ).toEqual({ ok: true });
    expect((await getEvaluationSetup(admin, target.workshopId)).settings).toMatchObject({
      recipients: "ATTENDED",
      delayHours: 1,
      reminderDays: 2,
      minimumAnswers: 5,
    });

    // Answered through the workshop's own copy: that question stays, with its type.
    await db.workshop.update({ where: { id: target.workshopId }, data: { evaluationRecipients: "ATTENDED_OR_CONFIRMED" } });
    await sendEvaluationInvitations();
    const [mail] = await invitationsOf(target.sessionId);
    const ownRating = setup.questions[0]!.id;
    expect(await submitEvaluation(tokenIn(mail!.text), answers({ [`q-${ownRating}`]: "2" }), { ip: null })).toEqual({ ok: true });
    expect(await removeEvaluationQuestion(admin, ownRating)).toEqual({ ok: false, code: "evaluation-question-answered" });
    expect(await saveEvaluationQuestion(admin, { questionId: ownRating }, question)).toEqual({ ok: false, code: "evaluation-question-answered" });
    expect(await removeEvaluationQuestion(admin, saved.ok ? saved.questionId : "")).toEqual({ ok: true });

    for (const attempt of [
      () => getEvaluationResults(stranger, target.workshopId),
      () => getEvaluationSetup(stranger, target.workshopId),
      () => saveEvaluationQuestion(stranger, { workshopId: target.workshopId }, question),
      () => updateEvaluationSettings(stranger, target.workshopId, { recipients: "ATTENDED" }),
      () => chooseEvaluationQuestionnaire(stranger, target.workshopId, false),
      () => removeEvaluationQuestion(stranger, ownRating),
      () => exportEvaluation(stranger, target.workshopId, "csv", "de"),
    ]) {
      await expect(attempt()).rejects.toBeInstanceOf(AuthorizationError);
    }
    // The programme's default questions are not a workshop's to edit: its own organisers are refused.
    const organiser = await db.user.create({
      data: { email: uniqueEmail("eigen"), role: "ORGANISER" },
      select: { id: true, email: true, name: true, role: true },
    });
    await db.workshopAssignment.create({ data: { userId: organiser.id, workshopId: target.workshopId } });
    await expect(removeEvaluationQuestion(organiser, target.questions.text)).rejects.toBeInstanceOf(AuthorizationError);
  });
});

describe("the programme's default questionnaire", () => {
  const rating = {
    type: "RATING",
    labelDe: "Wie hilfreich?",
    labelEn: "How helpful?",
    required: "on",
    scaleLowDe: "gar nicht",
    scaleLowEn: "not at all",
    scaleHighDe: "sehr",
    scaleHighEn: "very",
  };

  it("is edited by administrators only: an organiser of one of its workshops is refused, of another programme too", async () => {
    const admin = await adminActor();
    const target = await endedSession({ people: 0 });
    const other = await createProgrammeWithSession();
    const ownOrganiser = await db.user.create({
      data: { email: uniqueEmail("eigen"), role: "ORGANISER" },
      select: { id: true, email: true, name: true, role: true },
    });
    const otherOrganiser = await db.user.create({
      data: { email: uniqueEmail("fremd"), role: "ORGANISER" },
      select: { id: true, email: true, name: true, role: true },
    });
    await db.workshopAssignment.create({ data: { userId: ownOrganiser.id, workshopId: target.workshopId } });
    await db.workshopAssignment.create({ data: { userId: otherOrganiser.id, workshopId: other.workshopId } });
    for (const organiser of [ownOrganiser, otherOrganiser, null]) {
      for (const attempt of [
        () => getProgrammeQuestionnaire(organiser, target.programmeId),
        () => saveEvaluationQuestion(organiser, { programmeId: target.programmeId }, rating),
        () => saveEvaluationQuestion(organiser, { questionId: target.questions.rating }, rating),
        () => moveEvaluationQuestion(organiser, target.questions.text, "up"),
        () => removeEvaluationQuestion(organiser, target.questions.text),
      ]) {
        await expect(attempt()).rejects.toBeInstanceOf(AuthorizationError);
      }
    }
    expect((await getProgrammeQuestionnaire(admin, target.programmeId)).questions.map((question) => question.labelDe)).toEqual([
      "Insgesamt",
      "Anwenden?",
      "Anregungen",
    ]);
    // Refusals leave nothing behind.
    expect(await db.auditEvent.count({ where: { subjectId: { in: Object.values(target.questions) } } })).toBe(0);
    await expect(getProgrammeQuestionnaire(admin, randomUUID())).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveEvaluationQuestion(admin, { programmeId: "kein-programm" }, rating)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("takes new questions at the end, refuses bad input with field errors and stores nothing", async () => {
    const admin = await adminActor();
    const target = await endedSession({ people: 0 });
    const before = await db.evaluationQuestion.count({ where: { programmeId: target.programmeId } });
    expect(await saveEvaluationQuestion(admin, { programmeId: target.programmeId }, { ...rating, scaleHighEn: "", labelDe: "" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { labelDe: "required", scaleHighEn: "required" },
    });
    expect(
      await saveEvaluationQuestion(
        admin,
        { programmeId: target.programmeId },
        { type: "SINGLE_CHOICE", labelDe: "Eine?", labelEn: "One?", options: "Ja | Yes" },
      ),
    ).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { options: "optionsNeeded" },
    });
    expect(await db.evaluationQuestion.count({ where: { programmeId: target.programmeId } })).toBe(before);

    const saved = await saveEvaluationQuestion(admin, { programmeId: target.programmeId }, rating);
    expect(saved.ok).toBe(true);
    const choice = await saveEvaluationQuestion(
      admin,
      { programmeId: target.programmeId },
      {
        type: "MULTIPLE_CHOICE",
        labelDe: "Welche Instrumente?",
        labelEn: "Which instruments?",
        options: "Leitfaden | Guide\nCheckliste | Checklist",
      },
    );
    expect(choice.ok).toBe(true);
    const questionnaire = await getProgrammeQuestionnaire(admin, target.programmeId);
    expect(questionnaire.questions.map((question) => question.labelDe)).toEqual([
      "Insgesamt",
      "Anwenden?",
      "Anregungen",
      "Wie hilfreich?",
      "Welche Instrumente?",
    ]);
    expect(questionnaire.questions[3]).toMatchObject({ type: "RATING", required: true, scaleLowDe: "gar nicht", scaleHighEn: "very", answers: 0 });
    expect(questionnaire.questions[4]!.options.map((option) => option.labelEn)).toEqual(["Guide", "Checklist"]);
    // A workshop without its own questions asks them at once.
    expect((await getEvaluationSetup(admin, target.workshopId)).questions.map((question) => question.labelDe)).toContain("Welche Instrumente?");
    const events = await db.auditEvent.findMany({ where: { subjectId: saved.ok ? saved.questionId : "" }, select: { action: true, details: true } });
    expect(events).toEqual([{ action: "evaluation-question.create", details: { programmeId: target.programmeId, type: "RATING" } }]);
  });

  it("reorders its questions and leaves the ends alone", async () => {
    const admin = await adminActor();
    const target = await endedSession({ people: 0 });
    const order = async () => (await getProgrammeQuestionnaire(admin, target.programmeId)).questions.map((question) => question.labelDe);
    expect(await moveEvaluationQuestion(admin, target.questions.text, "up")).toEqual({ ok: true, moved: true });
    expect(await order()).toEqual(["Insgesamt", "Anregungen", "Anwenden?"]);
    expect(await moveEvaluationQuestion(admin, target.questions.rating, "up")).toEqual({ ok: true, moved: false });
    expect(await moveEvaluationQuestion(admin, target.questions.choice, "down")).toEqual({ ok: true, moved: false });
    expect(await moveEvaluationQuestion(admin, target.questions.rating, "down")).toEqual({ ok: true, moved: true });
    expect(await order()).toEqual(["Anregungen", "Insgesamt", "Anwenden?"]);
    const positions = await db.evaluationQuestion.findMany({
      where: { programmeId: target.programmeId },
      orderBy: { position: "asc" },
      select: { position: true },
    });
    expect(positions.map((question) => question.position)).toEqual([0, 1, 2]);
  });

  it("keeps a question that has answers, and its type; its wording and options' values may change", async () => {
    const admin = await adminActor();
    const target = await endedSession({ people: 1 });
    await db.workshop.update({ where: { id: target.workshopId }, data: { evaluationEnabled: true } });
    await sendEvaluationInvitations();
    const [mail] = await invitationsOf(target.sessionId);
    expect(
      await submitEvaluation(tokenIn(mail!.text), answers({ [`q-${target.questions.rating}`]: "4", [`q-${target.questions.choice}`]: "ja" }), { ip: null }),
    ).toEqual({
      ok: true,
    });

    expect(await removeEvaluationQuestion(admin, target.questions.rating)).toEqual({ ok: false, code: "evaluation-question-answered" });
    expect(await saveEvaluationQuestion(admin, { questionId: target.questions.rating }, { type: "TEXT", labelDe: "Insgesamt?", labelEn: "Overall?" })).toEqual({
      ok: false,
      code: "evaluation-question-answered",
    });
    expect(
      await saveEvaluationQuestion(
        admin,
        { questionId: target.questions.choice },
        { type: "SINGLE_CHOICE", labelDe: "Wenden Sie es an?", labelEn: "Will you apply it?", options: "Ja | Yes, sure\nVielleicht | Maybe\nNein | No" },
      ),
    ).toMatchObject({ ok: true });
    const choice = await db.evaluationQuestion.findUniqueOrThrow({ where: { id: target.questions.choice }, select: { options: true } });
    // The answer "ja" still names the option "Ja".
    expect(choice.options).toEqual([
      { value: "ja", labelDe: "Ja", labelEn: "Yes, sure" },
      { value: "vielleicht", labelDe: "Vielleicht", labelEn: "Maybe" },
      { value: "nein", labelDe: "Nein", labelEn: "No" },
    ]);
    const questionnaire = await getProgrammeQuestionnaire(admin, target.programmeId);
    expect(questionnaire.questions.map((question) => [question.labelDe, question.answers])).toEqual([
      ["Insgesamt", 1],
      ["Wenden Sie es an?", 1],
      ["Anregungen", 0],
    ]);
    expect(await removeEvaluationQuestion(admin, target.questions.text)).toEqual({ ok: true });
  });
});

describe("the programme's evaluation defaults", () => {
  const programmeDefaults = (programmeId: string) =>
    db.programme.findUniqueOrThrow({
      where: { id: programmeId },
      select: { evaluationDelayHours: true, evaluationReminderDays: true, evaluationMinimumAnswers: true },
    });
  const defaultsAudit = (programmeId: string) =>
    db.auditEvent.findMany({ where: { action: "programme.evaluation-defaults", subjectId: programmeId }, select: { actorId: true, details: true } });

  it("are changed by administrators only, audited, and followed at once by every workshop without its own numbers", async () => {
    const admin = await adminActor();
    const target = await endedSession({ people: 1 });
    const organiser = await db.user.create({
      data: { email: uniqueEmail("eigen"), role: "ORGANISER" },
      select: { id: true, email: true, name: true, role: true },
    });
    await db.workshopAssignment.create({ data: { userId: organiser.id, workshopId: target.workshopId } });
    const wanted = { delayHours: "4", reminderDays: "2", minimumAnswers: "5" };

    for (const actor of [organiser, null]) {
      await expect(updateEvaluationDefaults(actor, target.programmeId, wanted)).rejects.toBeInstanceOf(AuthorizationError);
    }
    expect(await programmeDefaults(target.programmeId)).toEqual({ evaluationDelayHours: 1, evaluationReminderDays: 0, evaluationMinimumAnswers: 3 });
    expect(await defaultsAudit(target.programmeId)).toEqual([]);

    expect(await updateEvaluationDefaults(admin, target.programmeId, wanted)).toEqual({ ok: true });
    expect(await programmeDefaults(target.programmeId)).toEqual({ evaluationDelayHours: 4, evaluationReminderDays: 2, evaluationMinimumAnswers: 5 });
    expect(await defaultsAudit(target.programmeId)).toEqual([
      {
        actorId: admin.id,
        details: { delayHours: { from: 1, to: 4 }, reminderDays: { from: 0, to: 2 }, minimumAnswers: { from: 3, to: 5 } },
      },
    ]);
    const setup = await getEvaluationSetup(organiser, target.workshopId);
    expect(setup.defaults).toEqual({ delayHours: 4, reminderDays: 2, minimumAnswers: 5 });
    expect(setup.settings).toMatchObject({ delayHours: 4, reminderDays: 2, minimumAnswers: 5 });
    expect((await getProgrammeQuestionnaire(admin, target.programmeId)).defaults).toEqual({ delayHours: 4, reminderDays: 2, minimumAnswers: 5 });

    // The session ended two hours ago: with four hours' delay nobody is asked yet, two hours later they are.
    await sendEvaluationInvitations();
    expect(await invitationsOf(target.sessionId)).toEqual([]);
    await sendEvaluationInvitations(new Date(Date.now() + 2 * HOUR + 60_000));
    expect(await invitationsOf(target.sessionId)).toHaveLength(1);

    // A workshop's own number still wins.
    await updateEvaluationSettings(organiser, target.workshopId, { enabled: "on", recipients: "ATTENDED_OR_CONFIRMED", delayHours: "0" });
    expect((await getEvaluationSetup(organiser, target.workshopId)).settings).toMatchObject({ delayHours: 0, minimumAnswers: 5 });

    await expect(updateEvaluationDefaults(admin, randomUUID(), wanted)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateEvaluationDefaults(admin, "kein-programm", wanted)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuse numbers outside the bounds of the workshops' own, naming each field, and change nothing", async () => {
    const admin = await adminActor();
    const target = await endedSession({ people: 0 });
    expect(await updateEvaluationDefaults(admin, target.programmeId, { delayHours: "721", reminderDays: "-1", minimumAnswers: "0" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { delayHours: "tooLarge", reminderDays: "wholeNumber", minimumAnswers: "tooSmall" },
    });
    expect(await updateEvaluationDefaults(admin, target.programmeId, { delayHours: "", reminderDays: "1,5", minimumAnswers: "101" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { delayHours: "required", reminderDays: "wholeNumber", minimumAnswers: "tooLarge" },
    });
    expect(await programmeDefaults(target.programmeId)).toEqual({ evaluationDelayHours: 1, evaluationReminderDays: 0, evaluationMinimumAnswers: 3 });
    expect(await defaultsAudit(target.programmeId)).toEqual([]);

    // The same ends as a workshop's own numbers: both take each end, neither a step beyond.
    const names = Object.keys(EVALUATION_NUMBER_BOUNDS) as (keyof typeof EVALUATION_NUMBER_BOUNDS)[];
    const at = (end: "min" | "max", step = 0) => Object.fromEntries(names.map((name) => [name, String(EVALUATION_NUMBER_BOUNDS[name][end] + step)]));
    const workshop = (values: Record<string, string>) =>
      updateEvaluationSettings(admin, target.workshopId, { enabled: "on", recipients: "ATTENDED", ...values });
    for (const end of ["min", "max"] as const) {
      expect(await updateEvaluationDefaults(admin, target.programmeId, at(end))).toEqual({ ok: true });
      expect(await workshop(at(end))).toEqual({ ok: true });
    }
    expect(await updateEvaluationDefaults(admin, target.programmeId, at("max", 1))).toMatchObject({ ok: false, code: "invalid" });
    expect(await workshop(at("max", 1))).toMatchObject({ ok: false, code: "invalid" });
    expect(await programmeDefaults(target.programmeId)).toEqual({ evaluationDelayHours: 720, evaluationReminderDays: 60, evaluationMinimumAnswers: 100 });
  });
});
