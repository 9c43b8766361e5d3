import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { sessionIdOf, withDatabase, resetSeedData } from "./support/database";
import { mailLink, openMail, openManageLinkFromMail } from "./support/mailbox";

// Each test starts from the seeded programme, whatever earlier tests did.
test.beforeEach(resetSeedData);

const W2 = "amts-und-mandatspersonen-schuetzen";

async function register(page: Page, sessionId: string, firstName: string, email: string) {
  await page.goto(`/termine/${sessionId}/anmeldung`);
  await page.getByLabel("Vorname").fill(firstName);
  await page.getByLabel("Nachname").fill("Beispiel");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Kommune bzw. Institution").fill("Gemeinde Beispiel");
  await page.getByLabel("Ihre Funktion").selectOption("ELECTED_OFFICIAL");
  await page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/).check();
  await page.getByRole("button", { name: /Verbindlich anmelden|Auf die Warteliste setzen/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bitte prüfen Sie Ihr Postfach" })).toBeVisible();
}

test("a participant manages the registration from the confirmation email: switch date, cancel, and the waiting person moves up", async ({ page }) => {
  const first = await sessionIdOf(W2, 0);
  const second = await sessionIdOf(W2, 1);
  await withDatabase(async (client) => {
    await client.query(`UPDATE sessions SET capacity = "confirmedCount" + 1, "waitlistEnabled" = true WHERE id = $1`, [first]);
    await client.query(`UPDATE sessions SET capacity = "confirmedCount" + 5 WHERE id = $1`, [second]);
  });

  await register(page, first, "Anna", "anna.verwalten@example.org");
  await register(page, first, "Ben", "ben.wartet@example.org");
  await openManageLinkFromMail(page, "ben.wartet@example.org", /Warteliste/);
  await expect(page.getByText("Warteliste – Platz 1")).toBeVisible();

  // Anna reads her confirmation in the built-in mailbox and follows her private link.
  await openMail(page, "anna.verwalten@example.org", /Anmeldung bestätigt/);
  await expect(page.getByText(/einladung\.ics/)).toBeVisible();
  const manageLink = page.locator(".mailbox-text a", { hasText: "/r/" }).first();
  const manageUrl = new URL((await manageLink.getAttribute("href"))!);
  await page.goto(manageUrl.pathname);
  await expect(page.getByText("Angemeldet – Ihr Platz ist bestätigt")).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  // She switches to the other date, after a confirmation step that names both dates; her old seat goes to Ben.
  await page.getByRole("link", { name: /^Zum Termin am .* wechseln …$/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Termin wirklich wechseln?" })).toBeVisible();
  await expect(page.getByText("Bisheriger Termin")).toBeVisible();
  await expect(page.getByText("Neuer Termin")).toBeVisible();
  const confirmAxe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(confirmAxe.violations.map((violation) => violation.id)).toEqual([]);
  // Changing her mind keeps the date.
  await page.getByRole("link", { name: "Nein, bisherigen Termin behalten" }).click();
  await expect(page.getByText("Angemeldet – Ihr Platz ist bestätigt")).toBeVisible();
  await page.getByRole("link", { name: /^Zum Termin am .* wechseln …$/ }).click();
  await page.getByRole("button", { name: "Ja, Termin wechseln" }).click();
  await expect(page.getByText(/Ihr Termin wurde gewechselt/)).toBeVisible();
  await openMail(page, "ben.wartet@example.org", /Platz frei geworden/);
  await expect(page.getByText(/einladung\.ics/)).toBeVisible();
  // One mail says it was a switch and moves the calendar entry; no cancellation mail, no new link.
  await openMail(page, "anna.verwalten@example.org", /Terminwechsel bestätigt/);
  await expect(page.getByText(/einladung\.ics/)).toBeVisible();
  await expect(page.getByText(/absage\.ics/)).toBeVisible();
  expect(await mailLink(page, "/r/")).toBe(manageUrl.pathname);
  await page.goto("/postfach");
  await expect(page.getByRole("row").filter({ hasText: "anna.verwalten@example.org" })).toHaveCount(2);
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: "anna.verwalten@example.org" })
      .filter({ hasText: /Absage bestätigt/ }),
  ).toHaveCount(0);

  // Then she cancels, with a confirmation step.
  await page.goto(manageUrl.pathname);
  await page.getByRole("link", { name: "Teilnahme absagen …" }).click();
  await expect(page.getByRole("heading", { name: "Teilnahme wirklich absagen?" })).toBeVisible();
  await page.getByRole("button", { name: "Ja, Teilnahme absagen" }).click();
  await expect(page.getByText("Ihre Teilnahme ist abgesagt.")).toBeVisible();
  await expect(page.getByText("Abgesagt", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Teilnahme absagen …" })).toHaveCount(0);

  const statuses = await withDatabase((client) =>
    client.query<{ email: string; status: string; sessionId: string }>(
      `SELECT email, status, "sessionId" FROM registrations WHERE email IN ('anna.verwalten@example.org', 'ben.wartet@example.org') ORDER BY "createdAt"`,
    ),
  );
  expect(statuses.rows.map((row) => [row.email, row.status, row.sessionId === first ? "first" : "second"])).toEqual([
    ["anna.verwalten@example.org", "CANCELLED", "first"],
    ["ben.wartet@example.org", "CONFIRMED", "first"],
    ["anna.verwalten@example.org", "CANCELLED", "second"],
  ]);
});

test("switching dates works without JavaScript, through the confirmation step, and sends no referrer", async ({ browser }) => {
  const first = await sessionIdOf(W2, 0);
  const second = await sessionIdOf(W2, 1);
  await withDatabase((client) => client.query(`UPDATE sessions SET capacity = "confirmedCount" + 5 WHERE id = ANY($1::uuid[])`, [[first, second]]));
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await register(page, first, "Dora", "dora.ohne-js@example.org");
    const managePath = await openManageLinkFromMail(page, "dora.ohne-js@example.org", /Anmeldung bestätigt/);
    await page.getByRole("link", { name: /^Zum Termin am .* wechseln …$/ }).click();
    await expect(page).toHaveURL(new RegExp(`${managePath}/wechseln\\?termin=${second}$`));
    const response = await page.reload();
    expect(response!.headers()["referrer-policy"]).toBe("no-referrer");
    await page.getByRole("button", { name: "Ja, Termin wechseln" }).click();
    await expect(page.getByText(/Ihr Termin wurde gewechselt/)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${managePath}\\?ok=switched$`));
    const rows = await withDatabase((client) =>
      client.query<{ status: string; sessionId: string }>(
        `SELECT status, "sessionId" FROM registrations WHERE email = 'dora.ohne-js@example.org' ORDER BY "createdAt"`,
      ),
    );
    expect(rows.rows.map((row) => [row.status, row.sessionId === first ? "first" : "second"])).toEqual([
      ["CANCELLED", "first"],
      ["CONFIRMED", "second"],
    ]);
  } finally {
    await context.close();
  }
});

test("a wrong or guessed private link gets a neutral page", async ({ page }) => {
  for (const path of [
    "/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "/r/kurz",
    "/bestaetigen/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    "/bestaetigen/kurz",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Link nicht gültig" })).toBeVisible();
  }
});

test("the calendar file of a confirmed registration can be downloaded from the manage page", async ({ page }) => {
  await register(page, await sessionIdOf("vielfaltsorientierte-verwaltung", 0), "Cem", "cem.kalender@example.org");
  await openManageLinkFromMail(page, "cem.kalender@example.org", /Anmeldung bestätigt/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Kalenderdatei herunterladen (.ics)" }).click()]);
  expect(download.suggestedFilename()).toBe("einladung.ics");
  const content = await (await download.createReadStream()).toArray();
  const ics = Buffer.concat(content).toString("utf8");
  expect(ics).toContain("METHOD:REQUEST");
  expect(ics).toMatch(/DTSTART:\d{8}T1[23]0000Z/);
  expect(ics).not.toContain("/r/");
});

test("a person with a confirmed seat can switch onto a full date's waiting list, only after confirming that the seat is given up", async ({ page }) => {
  const first = await sessionIdOf(W2, 0);
  const second = await sessionIdOf(W2, 1);
  await withDatabase((client) =>
    client.query(`UPDATE sessions SET capacity = "confirmedCount" + 1, "waitlistEnabled" = true WHERE id = ANY($1::uuid[])`, [[first, second]]),
  );
  await register(page, second, "Ben", "ben.hat-den-platz@example.org");
  await register(page, first, "Erika", "erika.tauscht@example.org");
  const managePath = await openManageLinkFromMail(page, "erika.tauscht@example.org", /Anmeldung bestätigt/);

  // The other date is full: the offer says that it costs her seat.
  await page.getByRole("link", { name: /^Zum Termin am .* wechseln \(Warteliste statt Ihres Platzes\) …$/ }).click();
  await expect(page.getByText(/geben Sie Ihren bestätigten Platz beim bisherigen Termin auf/)).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
  await page.getByRole("button", { name: "Ja, Platz aufgeben und auf die Warteliste" }).click();
  await expect(page).toHaveURL(new RegExp(`${managePath}\\?ok=switched-waitlist$`));
  await expect(page.getByText(/Sie stehen jetzt auf der Warteliste des neuen Termins/)).toBeVisible();
  await expect(page.getByText("Warteliste – Platz 1")).toBeVisible();

  // One switch mail, with the link she already has: the old calendar entry is withdrawn, no invitation for a date without a seat.
  await openMail(page, "erika.tauscht@example.org", /Terminwechsel bestätigt/);
  await expect(page.getByText(/Warteliste, auf Platz 1/)).toBeVisible();
  await expect(page.getByText(/absage\.ics/)).toBeVisible();
  await expect(page.getByText(/einladung\.ics/)).toHaveCount(0);
  expect(await mailLink(page, "/r/")).toBe(managePath);

  const rows = await withDatabase((client) =>
    client.query<{ status: string; sessionId: string }>(
      `SELECT status, "sessionId" FROM registrations WHERE email = 'erika.tauscht@example.org' ORDER BY "createdAt"`,
    ),
  );
  expect(rows.rows.map((row) => [row.status, row.sessionId === first ? "first" : "second"])).toEqual([
    ["CANCELLED", "first"],
    ["WAITLISTED", "second"],
  ]);
});
