import { expect, test, type Page } from "@playwright/test";
import { sessionIdOf, withDatabase, resetSeedData } from "./support/database";
import { openMail, openManageLinkFromMail } from "./support/mailbox";
import { expectNoAxeViolations } from "./support/axe";

// Each test starts from the seeded programme, whatever earlier tests did.
test.beforeEach(resetSeedData);

const W2 = "amts-und-mandatspersonen-schuetzen";

/** The one page every received registration lands on: it says nothing about the address. */
async function expectCheckInbox(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Bitte prüfen Sie Ihr Postfach" })).toBeVisible();
  await expect(page.getByText(/auch im Spam- oder Junk-Ordner nach/)).toBeVisible();
  expect(page.url()).toMatch(/\/termine\/[0-9a-f-]{36}\/anmeldung\/eingegangen$/);
}

async function fillPerson(page: Page, email: string) {
  await page.getByLabel("Vorname").fill("Erika");
  await page.getByLabel("Nachname").fill("Mustermann");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Kommune bzw. Institution").fill("Stadt Musterhausen");
  await page.getByLabel("Ihre Funktion").selectOption("ADMINISTRATION");
}

test.describe("registering for a KommA session", () => {
  test("works with JavaScript: from the programme page to the confirmation", async ({ page }) => {
    await page.goto("/");
    await page
      .getByRole("link", { name: /^Für den Termin am .* anmelden$/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vielfaltsorientierte Verwaltung stärken und Mitarbeitende schützen");
    await expectNoAxeViolations(page);
    await fillPerson(page, "Erika.JS@Example.org ");
    await page.getByLabel(/Welche Fragen oder Erwartungen/).fill("Wie gelingt der Einstieg?");
    await page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/).check();
    await page.getByRole("button", { name: "Verbindlich anmelden" }).click();
    await expectCheckInbox(page);
    await expect(page.getByText("Vielfaltsorientierte Verwaltung stärken und Mitarbeitende schützen")).toBeVisible();
    await expectNoAxeViolations(page);
    // The private link comes only by email.
    await openManageLinkFromMail(page, "erika.js@example.org", /Anmeldung bestätigt/);
    await expect(page.getByText("Angemeldet – Ihr Platz ist bestätigt")).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "erika.js@example.org" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Kalenderdatei herunterladen (.ics)" })).toBeVisible();
    await expectNoAxeViolations(page);
    const stored = await withDatabase((client) => client.query(`SELECT email, answers FROM registrations WHERE email = 'erika.js@example.org'`));
    expect(stored.rows).toHaveLength(1);
    await page.goto("/");
    await expect(page.getByText("noch 99 Plätze frei")).toBeVisible();
  });

  test("works without JavaScript, keeping the entered values when something is missing", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/termine/${await sessionIdOf(W2, 0)}/anmeldung`);
    await fillPerson(page, "ohne.js@example.org");
    await page.getByRole("button", { name: "Verbindlich anmelden" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link", { name: /Einwilligung in die Datenschutzhinweise/ })).toHaveAttribute("href", "#field-consent");
    await expect(page.getByLabel("Vorname")).toHaveValue("Erika");
    await expect(page.getByLabel("E-Mail-Adresse")).toHaveValue("ohne.js@example.org");
    await expect(page.getByLabel("Ihre Funktion")).toHaveValue("ADMINISTRATION");
    await page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/).check();
    await page.getByRole("button", { name: "Verbindlich anmelden" }).click();
    await expectCheckInbox(page);
    await context.close();
  });

  test("validates inline and moves focus to the error summary, with one small script and no framework", async ({ page }) => {
    const scripts: string[] = [];
    const problems: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    page.on("pageerror", (error) => problems.push(error.message));
    const documentPosts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") documentPosts.push(request.resourceType());
    });
    await page.goto(`/termine/${await sessionIdOf(W2, 0)}/anmeldung`);
    await page.getByLabel("E-Mail-Adresse").fill("keine-adresse");
    await page.getByLabel("Kommune bzw. Institution").focus();
    await expect(page.getByText(/Bitte geben Sie eine gültige E-Mail-Adresse ein/)).toBeVisible();
    await expect(page.getByLabel("E-Mail-Adresse")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("E-Mail-Adresse")).toHaveAttribute("aria-describedby", "field-email-hint field-email-error");
    await page.getByRole("button", { name: "Verbindlich anmelden" }).click();
    const summary = page.locator(".error-summary");
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveText([
      "Vorname: Bitte füllen Sie dieses Feld aus.",
      "Nachname: Bitte füllen Sie dieses Feld aus.",
      /^E-Mail-Adresse: Bitte geben Sie eine gültige E-Mail-Adresse ein/,
      "Kommune bzw. Institution: Bitte füllen Sie dieses Feld aus.",
      "Ihre Funktion: Bitte wählen Sie eine der Möglichkeiten aus.",
      "Einwilligung zum Datenschutz: Für die Anmeldung benötigen wir Ihre Einwilligung in die Datenschutzhinweise.",
    ]);
    await expectNoAxeViolations(page);
    // Mended inline, the field's error goes; nothing was sent.
    await page.getByLabel("E-Mail-Adresse").fill("inline@example.org");
    await page.getByLabel("Vorname").focus();
    await expect(page.getByLabel("E-Mail-Adresse")).not.toHaveAttribute("aria-invalid");
    expect(documentPosts).toEqual([]);
    // Filled in, it goes as a plain form post, once.
    await fillPerson(page, "inline@example.org");
    await page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/).check();
    await page.getByRole("button", { name: "Verbindlich anmelden" }).click();
    await expectCheckInbox(page);
    expect(documentPosts).toEqual(["document"]);
    expect(scripts).toEqual(["/form-checks.js"]);
    expect(problems).toEqual([]);
    const count = await withDatabase((client) =>
      client.query(`SELECT count(*)::int AS n FROM registrations WHERE email IN ('keine-adresse', 'inline@example.org')`),
    );
    expect(count.rows[0].n).toBe(1);
  });

  test("can be done with the keyboard alone", async ({ page }) => {
    await page.goto(`/termine/${await sessionIdOf(W2, 1)}/anmeldung`);
    await page.getByLabel("Vorname").focus();
    await page.keyboard.type("Kai");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Tastatur");
    await page.keyboard.press("Tab");
    await page.keyboard.type("kai.tastatur@example.org");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Landkreis Beispiel");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab"); // accessibility needs
    await page.keyboard.press("Tab"); // first radio of the kind of institution
    await page.keyboard.press("Tab"); // first radio of the alliance question
    await page.keyboard.press("Tab"); // expectations
    await page.keyboard.press("Tab"); // consent
    await page.keyboard.press("Space");
    await expect(page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/)).toBeChecked();
    await page.getByRole("button", { name: "Verbindlich anmelden" }).focus();
    await page.keyboard.press("Enter");
    await expectCheckInbox(page);
  });

  test("a full session offers the waiting list", async ({ page }) => {
    const sessionId = await sessionIdOf(W2, 1);
    await withDatabase((client) => client.query(`UPDATE sessions SET capacity = "confirmedCount" WHERE id = $1`, [sessionId]));
    await page.goto(`/workshops/${W2}`);
    await expect(page.getByText("ausgebucht – Warteliste offen")).toBeVisible();
    await page.goto(`/termine/${sessionId}/anmeldung`);
    await expect(page.getByText(/Dieser Termin ist ausgebucht/)).toBeVisible();
    await fillPerson(page, "warteliste@example.org");
    await page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/).check();
    await page.getByRole("button", { name: "Auf die Warteliste setzen" }).click();
    // The same page as for a seat: the place in the queue is in the email.
    await expectCheckInbox(page);
    await expect(page.getByText(/Warteliste/)).toHaveCount(0);
    await openManageLinkFromMail(page, "warteliste@example.org", /Warteliste/);
    await expect(page.getByText("Warteliste – Platz 1")).toBeVisible();
    await expect(page.getByText(/Zugangslink/)).toHaveCount(0);
  });

  test("a new address, the same address again and one registered for the other date all get the same page; only the emails differ", async ({ page }) => {
    const first = await sessionIdOf(W2, 0);
    const second = await sessionIdOf(W2, 1);
    const submit = async (sessionId: string, email: string) => {
      await page.goto(`/termine/${sessionId}/anmeldung`);
      await fillPerson(page, email);
      await page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/).check();
      await page.getByRole("button", { name: "Verbindlich anmelden" }).click();
      await expectCheckInbox(page);
      return { url: page.url(), main: await page.getByRole("main").innerText() };
    };
    const fresh = await submit(first, "doppelt@example.org");
    const again = await submit(first, "doppelt@example.org");
    const otherDate = await submit(second, "doppelt@example.org");
    const otherFresh = await submit(second, "neu.zweiter@example.org");
    expect(again).toEqual(fresh);
    expect(otherDate).toEqual(otherFresh);

    const count = await withDatabase((client) => client.query(`SELECT count(*)::int AS n FROM registrations WHERE email = 'doppelt@example.org'`));
    expect(count.rows[0].n).toBe(1);
    // The mailbox owner learns what happened: the confirmation once more, then that they are registered for the other date.
    await openMail(page, "doppelt@example.org", /Sie sind bereits angemeldet/);
    await expect(page.getByText(/bereits für einen anderen Termin dieses Workshops angemeldet/)).toBeVisible();
    await page.goto("/postfach");
    await expect(page.getByRole("row").filter({ hasText: "doppelt@example.org" }).filter({ hasText: "Anmeldung bestätigt" })).toHaveCount(2);
  });
});
