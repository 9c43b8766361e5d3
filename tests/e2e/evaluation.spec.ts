import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { picture } from "./support/screenshots";
import { resetSeedData, sessionIdOf, withDatabase } from "./support/database";
import { mailLink, openMail } from "./support/mailbox";
import { signIn } from "./support/sign-in";

// The evaluation after a session (docs/decisions/0028): the session ends, the
// organiser marks attendance, the periodic job (every minute in the e2e
// server) sends the personal link, the participant answers without
// JavaScript, the organiser sees the answer counted but no breakdown of a
// session below the minimum of three answers.

const WORKSHOP = "amts-und-mandatspersonen-schuetzen";
const PARTICIPANT = "joerg.muessig@example.org";

test("a participant marked as attended gets the evaluation link, answers without JavaScript, and the organiser sees the answer counted", async ({
  page,
  browser,
}) => {
  // The periodic job runs once a minute; the mail may take that long to be written.
  test.setTimeout(180_000);
  await resetSeedData();
  const sessionId = await sessionIdOf(WORKSHOP, 0);
  const workshopId = await withDatabase(async (client) => {
    await client.query(
      `UPDATE sessions SET "startsAt" = now() - interval '4 hours', "endsAt" = now() - interval '2 hours', "registrationOpensAt" = NULL, "registrationClosesAt" = NULL, "confirmedCount" = 1 WHERE id = $1`,
      [sessionId],
    );
    // Only people marked as attended: otherwise the job, running once a minute, may invite everyone confirmed
    // before the organiser below has taken attendance, and the mail would rightly carry no certificate.
    await client.query(`UPDATE workshops SET "evaluationRecipients" = 'ATTENDED' WHERE id = (SELECT "workshopId" FROM sessions WHERE id = $1)`, [sessionId]);
    await client.query(
      `INSERT INTO registrations (id, "sessionId", status, "firstName", "lastName", email, organisation, role, "privacyNoticeId", "consentedAt", "confirmedAt", "updatedAt")
       SELECT gen_random_uuid(), $1, 'CONFIRMED', 'Jörg', 'Müßig', $2, 'Stadt Beispiel', 'ADMINISTRATION', id, now(), now(), now() FROM privacy_notices LIMIT 1`,
      [sessionId, PARTICIPANT],
    );
    return (await client.query<{ workshopId: string }>(`SELECT "workshopId" FROM sessions WHERE id = $1`, [sessionId])).rows[0]!.workshopId;
  });

  // The organiser marks attendance after the session.
  await signIn(page);
  await page.goto(`/organisation/termine/${sessionId}`);
  await page.getByRole("group", { name: "Teilnahme von Jörg Müßig" }).getByRole("radio", { name: "teilgenommen", exact: true }).check();
  await page.getByRole("button", { name: "Teilnahme speichern" }).click();
  await expect(page.getByText("Die Teilnahme ist gespeichert.")).toBeVisible();

  // The evaluation mail arrives (written by the periodic job, delivered to the built-in mailbox).
  await expect(async () => {
    const { rows } = await withDatabase((client) =>
      client.query(`SELECT 1 FROM outbox_messages WHERE kind = 'evaluation-invitation' AND "toAddress" = $1 AND status = 'SENT'`, [PARTICIPANT]),
    );
    expect(rows).toHaveLength(1);
  }).toPass({ timeout: 120_000, intervals: [2_000] });
  const participant = await browser.newContext({ javaScriptEnabled: false });
  const form = await participant.newPage();
  await openMail(form, PARTICIPANT, /Ihre Meinung zum Workshop/);
  await expect(form.locator(".mailbox-text")).toContainText("Ihre Antworten sind anonym");
  await expect(form.locator(".mailbox-text")).toContainText("Teilnahmebescheinigung");
  const evaluationPath = await mailLink(form, "/bewertung/");
  expect(await mailLink(form, "/r/")).toMatch(/^\/r\//);

  // The form, as the organiser's browser (with JavaScript) sees it: axe runs scripts, so it checks here.
  const evaluationAnswer = await page.goto(evaluationPath);
  await expect(page.getByRole("heading", { name: "Ihre Antworten sind anonym" })).toBeVisible();
  // A plain form: the page goes out without any script (docs/decisions/0039).
  expect(evaluationAnswer!.headers()["content-security-policy"]).toContain("script-src 'none'");
  expect(await page.locator("script").count()).toBe(0);
  await expectNoAxeViolations(page);
  await picture(page, "bewertung-formular");
  await page.getByRole("button", { name: "Bewertung absenden" }).click();
  await expect(page.getByRole("alert", { name: "Bitte prüfen Sie Ihre Antworten" })).toBeVisible();
  await expectNoAxeViolations(page);
  await picture(page, "bewertung-fehler");

  // The participant, without JavaScript: the form says it is anonymous, asks again for a missing required answer, then takes the answer once.
  await form.goto(evaluationPath);
  await expect(form.getByRole("heading", { level: 1 })).toHaveText("Amts- und Mandatspersonen bei Anfeindungen schützen und stärken");
  await expect(form.getByRole("heading", { name: "Ihre Antworten sind anonym" })).toBeVisible();
  await form.getByRole("button", { name: "Bewertung absenden" }).click();
  await expect(form.getByRole("alert", { name: "Bitte prüfen Sie Ihre Antworten" })).toBeVisible();
  await expect(form.getByRole("alert", { name: "Bitte prüfen Sie Ihre Antworten" }).getByRole("link")).toHaveCount(2);
  await form.getByRole("group", { name: "Wie bewerten Sie den Workshop insgesamt?" }).getByRole("radio", { name: /^4/ }).check();
  await form.getByRole("group", { name: "Wie nützlich sind die vorgestellten Instrumente für Ihre Kommune?" }).getByRole("radio", { name: /^5/ }).check();
  await form.getByRole("radio", { name: "Ja, in den nächsten Monaten" }).check();
  await form.getByLabel("Was werden Sie konkret anwenden?").fill("Das Übergriffsmanagement in unserer Gemeinde");
  await form.getByRole("button", { name: "Bewertung absenden" }).click();
  await expect(form.getByRole("heading", { level: 1 })).toHaveText("Vielen Dank für Ihre Bewertung");
  await form.goto(evaluationPath);
  await expect(form.getByRole("heading", { name: "Bereits beantwortet" })).toBeVisible();
  await expect(form.getByRole("button", { name: "Bewertung absenden" })).toHaveCount(0);
  await participant.close();

  // Stored apart from the registration: the invitation knows it was answered, the response only its session.
  const stored = await withDatabase(async (client) => ({
    invitation: (await client.query(`SELECT answered FROM evaluation_invitations WHERE "sessionId" = $1`, [sessionId])).rows,
    responses: (await client.query(`SELECT count(*)::int AS count FROM evaluation_responses WHERE "sessionId" = $1`, [sessionId])).rows[0].count,
  }));
  expect(stored).toEqual({ invitation: [{ answered: true }], responses: 1 });

  // The organiser: one answer counted, no breakdown below the minimum of three.
  await page.goto(`/organisation/workshops/${workshopId}`);
  await page.getByRole("link", { name: "Auswertung ansehen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Auswertung: Amts- und Mandatspersonen bei Anfeindungen schützen und stärken");
  await expect(page.getByTestId("evaluation-responses")).toHaveText("1");
  const sessions = page.getByRole("region", { name: "Nach Terminen" });
  await expect(sessions.getByText("1 von 1 Eingeladenen haben geantwortet.")).toBeVisible();
  await expect(sessions.getByText(/1 Antwort – weniger als 3: keine Aufschlüsselung/)).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByText("Durchschnitt")).toHaveCount(0);
  await expect(page.getByText("Das Übergriffsmanagement in unserer Gemeinde")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await picture(page, "auswertung");

  // Two more answers (arranged in the database) reach the minimum: now the session shows its breakdown.
  await withDatabase(async (client) => {
    const questions = (
      await client.query<{ id: string; type: string }>(`SELECT id, type FROM evaluation_questions WHERE "programmeId" IS NOT NULL ORDER BY position`)
    ).rows;
    for (const suggestion of ["Mehr Praxisbeispiele", "Mehr Zeit für Fragen"]) {
      const response = (
        await client.query<{ id: string }>(`INSERT INTO evaluation_responses (id, "workshopId", "sessionId") VALUES (gen_random_uuid(), $1, $2) RETURNING id`, [
          workshopId,
          sessionId,
        ])
      ).rows[0]!.id;
      await client.query(`INSERT INTO evaluation_answers ("responseId", "questionId", rating) VALUES ($1, $2, 5)`, [response, questions[0]!.id]);
      await client.query(`INSERT INTO evaluation_answers ("responseId", "questionId", text) VALUES ($1, $2, $3)`, [response, questions[4]!.id, suggestion]);
    }
  });
  await page.reload();
  await expect(page.getByTestId("evaluation-responses")).toHaveText("3");
  await expect(sessions.getByText("Durchschnitt: 4,7 von 5 (3 Antworten)")).toBeVisible();
  await expect(sessions.getByText("Das Übergriffsmanagement in unserer Gemeinde")).toBeVisible();
  await expect(sessions.getByText("Mehr Praxisbeispiele")).toBeVisible();
  await expectNoAxeViolations(page);
  await picture(page, "auswertung-mit-antworten");

  await page.getByRole("link", { name: "Bewertungsbogen und Versand" }).click();
  await expect(page.getByText("Dieser Workshop verwendet den Standard-Bewertungsbogen des Programms.")).toBeVisible();
  await expectNoAxeViolations(page);
  await picture(page, "bewertungsbogen");
});

test("made-up evaluation links are counted once per request; past the limit the page says so", async ({ page }) => {
  // The counter of this machine's address is shared by every spec: start from none and leave none.
  const forgetCounters = () => withDatabase((client) => client.query(`DELETE FROM rate_limits WHERE key LIKE 'evaluation-link:ip:%'`));
  const guessed = () => `/bewertung/${randomBytes(32).toString("base64url")}`;
  await forgetCounters();
  try {
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await page.goto(guessed()))?.status()).toBe(404);
    const counted = await withDatabase(async (client) => (await client.query(`SELECT count FROM rate_limits WHERE key LIKE 'evaluation-link:ip:%'`)).rows);
    expect(counted).toEqual([{ count: 3 }]);
    // 27 more wrong links, arranged in the database: the limit is 30 in ten minutes.
    await withDatabase((client) => client.query(`UPDATE rate_limits SET count = 30 WHERE key LIKE 'evaluation-link:ip:%'`));
    await page.goto(guessed());
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Zu viele Versuche");
    await expect(page.getByText("Ihr persönlicher Link bleibt gültig.", { exact: false })).toBeVisible();
    await expectNoAxeViolations(page);
  } finally {
    await forgetCounters();
  }
});
