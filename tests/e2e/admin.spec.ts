import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { withDatabase } from "./support/database";
import { ADMIN, followSignInLink, signIn } from "./support/sign-in";
import { expectNoAxeViolations } from "./support/axe";

// Arranged in the database as a cancelled registration: it takes no seat, so
// the other specs' seat counts and waiting lists stay as they expect.
const REGISTRANT = { firstName: "Jürgen", lastName: 'Exporttest; "Groß"', email: "juergen.exporttest@example.org" };

test.describe("the administration", () => {
  test.beforeAll(async () => {
    await withDatabase((client) =>
      client.query(
        `INSERT INTO registrations (id, "sessionId", status, "firstName", "lastName", email, organisation, role, locale, "privacyNoticeId", "consentedAt", "cancelledAt", "createdAt", "updatedAt")
         SELECT gen_random_uuid(), s.id, 'CANCELLED', $1, $2, $3, 'Stadt Köln, Amt 3', 'ADMINISTRATION', 'de', n.id, now(), now(), now(), now()
         FROM sessions s JOIN workshops w ON w.id = s."workshopId" JOIN privacy_notices n ON n."programmeId" = w."programmeId"
         WHERE NOT EXISTS (SELECT 1 FROM registrations WHERE email = $3)
         ORDER BY s."startsAt", n.version DESC LIMIT 1`,
        [REGISTRANT.firstName, REGISTRANT.lastName, REGISTRANT.email],
      ),
    );
  });

  test("exports registrations as XLSX and CSV and finds the export in the audit log", async ({ page }) => {
    await signIn(page);
    await page.getByRole("navigation", { name: "Organisationsbereich" }).getByRole("link", { name: "Verwaltung" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verwaltung");
    await expectNoAxeViolations(page);

    await page.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Export" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anmeldungen exportieren");
    await expect(page.getByText("Als Administration exportieren Sie Anmeldungen aller Workshops.")).toBeVisible();
    await expectNoAxeViolations(page);

    const workbook = page.waitForEvent("download");
    await page.getByRole("button", { name: "Excel-Datei (XLSX)" }).click();
    const xlsx = await workbook;
    expect(xlsx.suggestedFilename()).toMatch(/^anmeldungen_alle_\d{4}-\d{2}-\d{2}_\d{4}\.xlsx$/);
    // An XLSX file is a zip archive.
    expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString("latin1")).toBe("PK");

    const spreadsheet = page.waitForEvent("download");
    await page.getByRole("button", { name: "CSV (Semikolon, für Excel auf Deutsch)" }).click();
    const csv = await spreadsheet;
    expect(csv.suggestedFilename()).toMatch(/^anmeldungen_alle_semikolon_\d{4}-\d{2}-\d{2}_\d{4}\.csv$/);
    const bytes = await readFile((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain(`${REGISTRANT.firstName};"Exporttest; ""Groß"""`);
    expect(text).toContain(REGISTRANT.email);

    // The download address opened as a link (from another site, say) downloads
    // and records nothing: it shows the export page. The log below still has two.
    await page.goto("/organisation/export/anmeldungen?format=csv");
    await expect(page).toHaveURL(/\/organisation\/export$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anmeldungen exportieren");

    await page.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Protokoll" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Protokoll");
    await page.getByLabel("Aktion").selectOption("export.registrations");
    await page.getByRole("button", { name: "Anzeigen" }).click();
    const rows = page.getByRole("row").filter({ hasText: "Anmeldungen exportiert" }).filter({ hasText: ADMIN });
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText("Format: csv-semicolon");
    await expect(rows.first()).toContainText("Vollständig: ja");
    await expectNoAxeViolations(page);
  });

  test("invites an organiser who signs in with the emailed link", async ({ page, browser }) => {
    await signIn(page);
    await page.goto("/organisation/admin/benutzer");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Einladen" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" })).toBeFocused();
    await expectNoAxeViolations(page);

    await page.getByLabel("E-Mail-Adresse").fill("neue.organisatorin@example.org");
    await page.getByLabel("Name", { exact: true }).fill("Nora Neu");
    await page.getByRole("radio", { name: /^Organisation/ }).check();
    await page.getByRole("group", { name: "Betreute Workshops" }).getByRole("checkbox").first().check();
    await page.getByRole("button", { name: "Einladen" }).click();
    await expect(page.getByText("Die Einladung ist verschickt.")).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "neue.organisatorin@example.org" });
    await expect(row).toContainText("noch nie");
    await row.getByRole("link", { name: /Bearbeiten/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("neue.organisatorin@example.org");
    await expectNoAxeViolations(page);

    const inviteeContext = await browser.newContext();
    const invitee = await inviteeContext.newPage();
    await followSignInLink(invitee, "neue.organisatorin@example.org", /Einladung/);
    await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("Übersicht");
    // Organisers reach the export from their navigation, limited to their workshops.
    await invitee.getByRole("navigation", { name: "Organisationsbereich" }).getByRole("link", { name: "Export" }).click();
    await expect(invitee.getByText("Sie sehen nur Anmeldungen zu Ihren Workshops.")).toBeVisible();
    await expectNoAxeViolations(invitee);
    await invitee.goto("/organisation/admin/benutzer");
    await expect(invitee.getByRole("heading", { level: 1 })).not.toHaveText("Zugänge und Rollen");
    await inviteeContext.close();
  });

  test("has no WCAG 2.1 AA violations on the access and erasure pages", async ({ page }) => {
    await signIn(page);
    await page.goto("/organisation/admin/auskunft");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Daten suchen" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Bitte geben Sie eine gültige E-Mail-Adresse ein." })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByLabel("E-Mail-Adresse der betroffenen Person").fill(REGISTRANT.email);
    await page.getByRole("button", { name: "Daten suchen" }).click();
    await expect(page.getByRole("heading", { level: 2, name: REGISTRANT.email })).toBeFocused();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Daten löschen …" }).click();
    await expect(page.getByRole("heading", { name: "Daten wirklich löschen?" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Abbrechen" }).click();
    await expect(page.getByRole("heading", { level: 2, name: REGISTRANT.email })).toBeVisible();
  });

  test("answers a request for access and erases the data after confirmation, without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page);

    // The export's download buttons post a plain form: no script needed.
    await page.goto("/organisation/export");
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "CSV (Komma)" }).click();
    const csv = await download;
    expect(csv.suggestedFilename()).toMatch(/^anmeldungen_alle_\d{4}-\d{2}-\d{2}_\d{4}\.csv$/);
    expect(await readFile((await csv.path())!, "utf8")).toContain(REGISTRANT.email);

    await page.goto("/organisation/admin/auskunft");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Auskunft und Löschung");

    await page.getByLabel("E-Mail-Adresse der betroffenen Person").fill(REGISTRANT.email);
    await page.getByRole("button", { name: "Daten suchen" }).click();
    await expect(page.getByText(/^Eine Anmeldung, /)).toBeVisible();
    await expect(page.getByText(REGISTRANT.lastName)).toBeVisible();

    const json = page.waitForEvent("download");
    await page.getByRole("button", { name: "Daten herunterladen (JSON)" }).click();
    const file = await json;
    expect(file.suggestedFilename()).toMatch(/^auskunft_\d{4}-\d{2}-\d{2}_\d{4}\.json$/);
    expect(JSON.parse(await readFile((await file.path())!, "utf8"))).toMatchObject({
      email: REGISTRANT.email,
      registrations: [{ lastName: REGISTRANT.lastName }],
    });

    await page.getByRole("button", { name: "Daten löschen …" }).click();
    await expect(page.getByRole("heading", { name: "Daten wirklich löschen?" })).toBeVisible();
    await page.getByRole("button", { name: `Ja, die Daten zu ${REGISTRANT.email} unwiderruflich löschen` }).click();
    await expect(page.getByText(/^Gelöscht: eine Anmeldung anonymisiert/)).toBeVisible();
    const left = await withDatabase((client) => client.query(`SELECT 1 FROM registrations WHERE email = $1`, [REGISTRANT.email]));
    expect(left.rows).toHaveLength(0);
    await context.close();
  });
});
