// The organisers' dashboard without JavaScript: key figures, SVG charts with
// their data tables, the filter as a plain GET form and the funder report as
// a PDF whose text holds the same figures.
import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { withDatabase } from "./support/database";
import { signIn } from "./support/sign-in";
import { expectNoAxeViolations } from "./support/axe";

type Person = { status: string; role: string; kind: string; attended?: boolean | null; daysAgo: number };

const repeat = (count: number, person: Person) => Array.from({ length: count }, () => person);

/** A workshop of its own in the seeded programme, with figures counted by hand (see the assertions). */
async function arrangeWorkshop(): Promise<string> {
  return withDatabase(async (client) => {
    const { rows: programmes } = await client.query<{ id: string; notice: string }>(
      `SELECT p.id, n.id AS notice FROM programmes p JOIN privacy_notices n ON n."programmeId" = p.id WHERE p.slug = 'komma' ORDER BY n.version DESC LIMIT 1`,
    );
    const { id: programmeId, notice } = programmes[0]!;
    const { rows: workshops } = await client.query<{ id: string }>(
      `INSERT INTO workshops (id, "programmeId", slug, title, summary, description, "guidingQuestions", "evaluationEnabled", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'E2E-Berichtsworkshop', 'Kurz', 'Lang', '{}', false, now()) RETURNING id`,
      [programmeId, `e2e-bericht-${Date.now().toString(36)}`],
    );
    const workshopId = workshops[0]!.id;
    const { rows: questions } = await client.query<{ id: string }>(
      `INSERT INTO questions (id, "workshopId", position, type, "labelDe", "labelEn", options, "reportKey")
       VALUES (gen_random_uuid(), $1, 0, 'SINGLE_CHOICE', 'Institution', 'Institution', '[]', 'institution-kind') RETURNING id`,
      [workshopId],
    );
    const session = async (startsInDays: number, capacity: number) =>
      (
        await client.query<{ id: string }>(
          `INSERT INTO sessions (id, "workshopId", "startsAt", "endsAt", capacity, "updatedAt")
           VALUES (gen_random_uuid(), $1, now() + make_interval(days => $2), now() + make_interval(days => $2, hours => 2), $3, now()) RETURNING id`,
          [workshopId, startsInDays, capacity],
        )
      ).rows[0]!.id;
    const past = await session(-2, 8);
    const upcoming = await session(20, 5);
    const register = async (sessionId: string, people: Person[]) => {
      for (const [index, person] of people.entries()) {
        await client.query(
          `INSERT INTO registrations (id, "sessionId", status, "waitlistPosition", "firstName", "lastName", email, organisation, role, answers,
             "privacyNoticeId", "consentedAt", attended, "createdAt", "updatedAt")
           VALUES (gen_random_uuid(), $1, $2::"RegistrationStatus", $3, 'Erika', 'Bericht', $4, 'Stadt', $5::"ParticipantRole", $6, $7, now(), $8,
             now() - make_interval(days => $9), now())`,
          [
            sessionId,
            person.status,
            person.status === "WAITLISTED" ? index + 1 : null,
            `bericht-${index}-${sessionId.slice(0, 6)}@example.org`,
            person.role,
            JSON.stringify({ [questions[0]!.id]: person.kind }),
            notice,
            person.attended ?? null,
            person.daysAgo,
          ],
        );
      }
    };
    await register(past, [
      ...repeat(3, { status: "CONFIRMED", role: "ADMINISTRATION", kind: "municipality", attended: true, daysAgo: 9 }),
      { status: "CONFIRMED", role: "ADMINISTRATION", kind: "municipality", attended: false, daysAgo: 6 },
      ...repeat(2, { status: "CONFIRMED", role: "ELECTED_OFFICIAL", kind: "district", daysAgo: 6 }),
      { status: "WAITLISTED", role: "ELECTED_OFFICIAL", kind: "district", daysAgo: 4 },
      { status: "CANCELLED", role: "ADMINISTRATION", kind: "science", daysAgo: 4 },
    ]);
    await register(upcoming, repeat(2, { status: "CONFIRMED", role: "CIVIL_SOCIETY", kind: "municipality", daysAgo: 1 }));
    // Evaluation (inserted here; the workshop's own mails are off): the 6 confirmed of the past
    // session invited, 4 answered the programme's overall rating with 5, 4, 4, 3.
    await client.query(
      `INSERT INTO evaluation_invitations ("registrationId", "sessionId", "tokenHash")
       SELECT id, "sessionId", gen_random_uuid()::text FROM registrations WHERE "sessionId" = $1 AND status = 'CONFIRMED'`,
      [past],
    );
    const { rows: overall } = await client.query<{ id: string }>(
      `SELECT id FROM evaluation_questions WHERE "programmeId" = $1 AND type = 'RATING' ORDER BY position, "createdAt" LIMIT 1`,
      [programmeId],
    );
    for (const rating of [5, 4, 4, 3]) {
      await client.query(
        `WITH response AS (INSERT INTO evaluation_responses (id, "workshopId", "sessionId") VALUES (gen_random_uuid(), $1, $2) RETURNING id)
         INSERT INTO evaluation_answers ("responseId", "questionId", rating) SELECT id, $3, $4 FROM response`,
        [workshopId, past, overall[0]!.id, rating],
      );
    }
    return workshopId;
  });
}

async function figure(page: Page, name: string) {
  return page
    .locator(".figure-card")
    .filter({ has: page.getByRole("term").getByText(name, { exact: true }) })
    .locator("dd");
}

test("the dashboard shows figures and SVG charts with text alternatives without JavaScript, and the report PDF holds the figures", async ({ browser }) => {
  const workshopId = await arrangeWorkshop();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page);

  // The filter is a plain GET form.
  await page.getByLabel("Workshop", { exact: true }).selectOption({ label: "E2E-Berichtsworkshop" });
  await page.getByRole("button", { name: "Anzeigen" }).click();
  await expect(page).toHaveURL(new RegExp(`workshopId=${workshopId}`));

  await expect(await figure(page, "Anmeldungen")).toHaveText("10");
  await expect(await figure(page, "Bestätigt")).toHaveText("8");
  await expect(await figure(page, "Warteliste")).toHaveText("1");
  await expect(await figure(page, "Abgesagt")).toHaveText("1");
  await expect(await figure(page, "Auslastung")).toHaveText(/^62\s%$/);
  await expect(await figure(page, "Teilnahmequote")).toHaveText(/^75\s%$/);
  await expect(await figure(page, "Nicht erschienen")).toHaveText("1");
  await expect(await figure(page, "Rücklaufquote")).toHaveText(/^67\s%$/);
  await expect(await figure(page, "Bewertung Ø (1–5)")).toHaveText("4,0");

  // Every chart is an SVG image with a name, followed by its data.
  const charts = page.locator("figure svg[role=img]");
  await expect(charts).toHaveCount(6);
  for (const chart of await charts.all()) await expect(chart).toHaveAttribute("aria-labelledby", /-title$/);
  await expect(page.getByRole("img", { name: /^Anmeldungen nach Funktion: Verwaltungsmitarbeitende: 5/ })).toBeVisible();
  const roles = page.getByRole("table", { name: "Anmeldungen nach Funktion" });
  await expect(roles.getByRole("row", { name: /Verwaltungsmitarbeitende 5 50\s%/ })).toBeVisible();
  await expect(roles.getByRole("row", { name: /Zivilgesellschaft 2 20\s%/ })).toBeVisible();
  const kinds = page.getByRole("table", { name: "Anmeldungen nach Art der Institution" });
  await expect(kinds.getByRole("row", { name: /Gemeinde\/Stadt 6/ })).toBeVisible();
  const ratings = page.getByRole("table", { name: /^Verteilung der Gesamtbewertung/ });
  await expect(ratings.getByRole("row", { name: /^4 2 50\s%/ })).toBeVisible();
  const attendance = page.getByRole("table", { name: "Bestätigte Anmeldungen und Teilnahme je Termin" });
  await expect(attendance.getByRole("row", { name: /E2E-Berichtsworkshop 6 3 1 75\s%/ })).toBeVisible();
  await page.getByText("Daten des Diagramms").first().click();
  await expect(
    page
      .getByRole("table", { name: /^Anmeldungen im Zeitverlauf: E2E-Berichtsworkshop/ })
      .first()
      .getByRole("row"),
  ).toHaveCount(4);
  // The upcoming sessions stay on the page.
  await expect(page.getByRole("heading", { name: "Kommende Termine" })).toBeVisible();

  for (const [width, height] of [
    [1280, 900],
    [375, 800],
  ]) {
    await page.setViewportSize({ width: width!, height: height! });
    await page.screenshot({ path: `test-results/dashboard-${width}.png`, fullPage: true });
  }

  // One click: the report for the selection as PDF, its text read back.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Bericht als PDF" }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^foerderbericht_\d{4}-\d{2}-\d{2}_\d{4}\.pdf$/);
  const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", (await pdf.path())!, "-"], { encoding: "utf8" });
  expect(text).toContain("Förderbericht");
  expect(text).toContain("Workshop: E2E-Berichtsworkshop");
  expect(text).toMatch(/Anmeldungen\s+10\s+10/);
  expect(text).toMatch(/Auslastung\s+62 %\s+62 %/);
  expect(text).toMatch(/Teilnahmequote\s+75 %\s+75 %/);
  expect(text).toMatch(/Rücklaufquote\s+67 %\s+67 %/);
  expect(text).toMatch(/Bewertung Ø \(1–5\)\s+4,0\s+4,0/);
  // Civil society (2) and science (1) are small groups: only "Sonstige" names them.
  expect(text).toContain("Sonstige: 2");
  expect(text).not.toContain("Zivilgesellschaft");
  expect(text).not.toMatch(/Erika|Bericht-|@example\.org/);
  await context.close();
});

test("axe finds nothing on the dashboard", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Kennzahlen" })).toBeVisible();
  await expectNoAxeViolations(page);
});
