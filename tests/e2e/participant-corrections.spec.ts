// What a participant can do after registering, as issue 19 asked: the way
// back after cancelling, correcting every detail of the form, and changing
// the address through a link to the new one. Each with and without JavaScript.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { resetSeedData, sessionIdOf, withDatabase } from "./support/database";
import { mailLink, openMail, openManageLinkFromMail } from "./support/mailbox";

test.beforeEach(resetSeedData);
// Registering, reading mail and following links: several page loads per test on a shared machine.
test.setTimeout(120_000);

const W2 = "amts-und-mandatspersonen-schuetzen";

async function register(page: Page, sessionId: string, email: string) {
  await page.goto(`/termine/${sessionId}/anmeldung`);
  await page.getByLabel("Vorname").fill("Clara");
  await page.getByLabel("Nachname").fill("Korrektur");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Kommune bzw. Institution").fill("Gemeinde Beispiel");
  await page.getByLabel("Ihre Funktion").selectOption("ELECTED_OFFICIAL");
  await page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/).check();
  await page.getByRole("button", { name: /Verbindlich anmelden|Auf die Warteliste setzen/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bitte prüfen Sie Ihr Postfach" })).toBeVisible();
}

async function expectNoAxeFindings(page: Page) {
  // axe runs as a script in the page: only where the page runs scripts.
  if (!javaScriptOn.get(page)) return;
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);
}

const javaScriptOn = new WeakMap<Page, boolean>();

async function withPage(browser: Browser, javaScriptEnabled: boolean, work: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ javaScriptEnabled });
  try {
    const page = await context.newPage();
    javaScriptOn.set(page, javaScriptEnabled);
    await work(page);
  } finally {
    await context.close();
  }
}

for (const javaScriptEnabled of [true, false]) {
  const mode = javaScriptEnabled ? "with JavaScript" : "without JavaScript";

  test(`after cancelling, the page and the mail offer the way back (${mode})`, async ({ browser }) => {
    const first = await sessionIdOf(W2, 0);
    const second = await sessionIdOf(W2, 1);
    await withDatabase((client) => client.query(`UPDATE sessions SET capacity = "confirmedCount" + 5 WHERE id = ANY($1::uuid[])`, [[first, second]]));
    const email = `zurueck.${javaScriptEnabled ? "js" : "ohne"}@example.org`;
    await withPage(browser, javaScriptEnabled, async (page) => {
      await register(page, first, email);
      const managePath = await openManageLinkFromMail(page, email, /Anmeldung bestätigt/);
      await page.getByRole("link", { name: "Teilnahme absagen …" }).click();
      await page.getByRole("button", { name: "Ja, Teilnahme absagen" }).click();
      await expect(page.getByText("Ihre Teilnahme ist abgesagt.")).toBeVisible();

      // Not a dead end: both dates of the workshop take registrations again, and the programme is one click away.
      await expect(page.getByRole("heading", { level: 2, name: "Doch teilnehmen?" })).toBeVisible();
      const again = page.getByRole("link", { name: /^Erneut anmelden für den \d\d\.\d\d\.\d{4}$/ });
      await expect(again).toHaveCount(2);
      await expect(page.getByRole("link", { name: "Zur Programmübersicht" })).toHaveAttribute("href", "/");
      await expectNoAxeFindings(page);

      // The mail offers the same way back, as links.
      await openMail(page, email, /Absage bestätigt/);
      await expect(page.getByText(/erneut anmelden, solange Plätze frei sind/)).toBeVisible();
      expect(await mailLink(page, `/workshops/${W2}`)).toBe(`/workshops/${W2}`);

      // Registering again with the same address works.
      await page.goto(managePath);
      await page
        .getByRole("link", { name: /^Erneut anmelden für den/ })
        .first()
        .click();
      await expect(page).toHaveURL(new RegExp(`/termine/${first}/anmeldung$`));
      await register(page, first, email);
      const rows = await withDatabase((client) =>
        client.query<{ status: string }>(`SELECT status FROM registrations WHERE email = $1 ORDER BY "createdAt"`, [email]),
      );
      expect(rows.rows.map((row) => row.status)).toEqual(["CANCELLED", "CONFIRMED"]);
    });
  });

  test(`the manage page corrects role, answers and accessibility needs by the form's rules (${mode})`, async ({ browser }) => {
    const first = await sessionIdOf(W2, 0);
    await withDatabase((client) => client.query(`UPDATE sessions SET capacity = "confirmedCount" + 5 WHERE id = $1`, [first]));
    const email = `korrektur.${javaScriptEnabled ? "js" : "ohne"}@example.org`;
    await withPage(browser, javaScriptEnabled, async (page) => {
      await register(page, first, email);
      await openManageLinkFromMail(page, email, /Anmeldung bestätigt/);
      const details = page.getByRole("region", { name: "Angaben korrigieren" });
      await expect(details.getByLabel("Ihre Funktion")).toHaveValue("ELECTED_OFFICIAL");
      // The optional question says so.
      await expect(details.getByRole("group", { name: /Allianz oder Strategiegruppe zum Thema\? \(optional\)/ })).toBeVisible();

      // A choice left empty is answered with "please choose", named in the summary.
      await details.getByLabel("Ihre Funktion").selectOption("");
      await details.getByLabel("Vorname").fill("");
      await details.getByRole("button", { name: "Angaben speichern" }).click();
      const summary = page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" });
      await expect(summary.getByRole("link", { name: "Ihre Funktion: Bitte wählen Sie eine der Möglichkeiten aus." })).toBeVisible();
      await expect(summary.getByRole("link", { name: "Vorname: Bitte füllen Sie dieses Feld aus." })).toBeVisible();
      await expectNoAxeFindings(page);

      await details.getByLabel("Vorname").fill("Clara");
      await details.getByLabel("Ihre Funktion").selectOption("CIVIL_SOCIETY");
      await details.getByRole("radio", { name: "In Planung" }).check();
      await details.getByLabel(/Unterstützung zur barrierefreien Teilnahme/).fill("Live-Untertitel");
      await details.getByRole("button", { name: "Angaben speichern" }).click();
      await expect(page.getByText("Ihre Angaben wurden gespeichert.")).toBeVisible();
      await expect(details.getByLabel("Ihre Funktion")).toHaveValue("CIVIL_SOCIETY");
      await expect(details.getByRole("radio", { name: "In Planung" })).toBeChecked();

      const row = await withDatabase((client) =>
        client.query<{ role: string; accessibilityNeeds: string; answers: Record<string, string> }>(
          `SELECT role, "accessibilityNeeds", answers FROM registrations WHERE email = $1`,
          [email],
        ),
      );
      expect(row.rows[0]!.role).toBe("CIVIL_SOCIETY");
      expect(row.rows[0]!.accessibilityNeeds).toBe("Live-Untertitel");
      expect(Object.values(row.rows[0]!.answers)).toContain("planned");
    });
  });

  test(`the address changes only when the new address confirms, and the old one is told (${mode})`, async ({ browser }) => {
    const first = await sessionIdOf(W2, 0);
    await withDatabase((client) => client.query(`UPDATE sessions SET capacity = "confirmedCount" + 5 WHERE id = $1`, [first]));
    const oldEmail = `alt.${javaScriptEnabled ? "js" : "ohne"}@example.org`;
    const newEmail = `neu.${javaScriptEnabled ? "js" : "ohne"}@example.org`;
    await withPage(browser, javaScriptEnabled, async (page) => {
      await register(page, first, oldEmail);
      const managePath = await openManageLinkFromMail(page, oldEmail, /Anmeldung bestätigt/);
      const change = page.getByRole("region", { name: "E-Mail-Adresse ändern" });
      await change.getByLabel("Neue E-Mail-Adresse").fill("keine-adresse");
      await change.getByRole("button", { name: "Bestätigungslink senden" }).click();
      await expect(change.getByText(/Bitte geben Sie eine gültige E-Mail-Adresse ein/)).toBeVisible();
      await change.getByLabel("Neue E-Mail-Adresse").fill(newEmail);
      await change.getByRole("button", { name: "Bestätigungslink senden" }).click();
      await expect(page.getByText(/Wir haben einen Link an die neue Adresse geschickt/)).toBeVisible();
      await expect(page.getByText(`(${oldEmail})`)).toBeVisible();

      await openMail(page, newEmail, /Neue E-Mail-Adresse bestätigen/);
      await page.goto(await mailLink(page, "/e-mail-bestaetigen/"));
      await expect(page.getByText(new RegExp(`künftig an ${newEmail.replace(/\./g, "\\.")} gehen`))).toBeVisible();
      await expectNoAxeFindings(page);
      await page.getByRole("button", { name: "Neue Adresse bestätigen" }).click();
      await expect(page.getByText("Danke, Ihre neue E-Mail-Adresse ist bestätigt.", { exact: false })).toBeVisible();

      await openMail(page, oldEmail, /E-Mail-Adresse geändert/);
      await expect(page.getByText(newEmail).first()).toBeVisible();
      await page.goto(managePath);
      await expect(page.getByText(`(${newEmail})`)).toBeVisible();
    });
  });
}
