import { expect, test, type Browser } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { picture } from "./support/screenshots";
import { withDatabase } from "./support/database";
import { signIn } from "./support/sign-in";

// An administrator edits the programme's default evaluation questionnaire
// without JavaScript (decision 0034), reached from a workshop that uses it.
// The question added here is removed again: the evaluation spec counts the
// seeded questionnaire's answers.

const WORKSHOP = "amts-und-mandatspersonen-schuetzen";
const LABEL = "E2E: Wie gut war die Vorbereitung?";

test.setTimeout(120_000);

/** An administrator, without JavaScript, on the seeded workshop's questionnaire page. */
async function adminOnQuestionnairePage(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const workshopId = await withDatabase(
    async (client) => (await client.query<{ id: string }>(`SELECT id FROM workshops WHERE slug = $1`, [WORKSHOP])).rows[0]!.id,
  );
  await signIn(page);
  await page.goto(`/organisation/workshops/${workshopId}/bewertungsbogen`);
  return { context, page, workshopId };
}

test("an administrator adds, moves, edits and removes a question of the programme's default questionnaire without JavaScript", async ({ browser }) => {
  const { context, page } = await adminOnQuestionnairePage(browser);
  await expect(page.getByText("Dieser Workshop verwendet den Standard-Bewertungsbogen des Programms.")).toBeVisible();
  await page.getByRole("link", { name: "Standard-Bewertungsbogen bearbeiten" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Standard-Bewertungsbogen: KommA");
  const list = page.getByRole("list", { name: "Fragen des Bewertungsbogens" });
  const before = await list.getByRole("listitem").count();
  expect(before).toBeGreaterThan(1);

  // Bad input: a summary names the fields, nothing is stored.
  await page.getByRole("textbox", { name: "Frage (Deutsch)" }).fill(LABEL);
  await page.getByRole("button", { name: "Frage hinzufügen" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" })).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(before);

  await page.getByRole("textbox", { name: "Frage (Englisch)" }).fill("E2E: How good was the preparation?");
  await page.getByRole("textbox", { name: "Bezeichnung für 1 (Deutsch)" }).fill("schlecht");
  await page.getByRole("textbox", { name: "Bezeichnung für 1 (Englisch)" }).fill("poor");
  await page.getByRole("textbox", { name: "Bezeichnung für 5 (Deutsch)" }).fill("sehr gut");
  await page.getByRole("textbox", { name: "Bezeichnung für 5 (Englisch)" }).fill("very good");
  await page.getByRole("button", { name: "Frage hinzufügen" }).click();
  await expect(page.getByText("Die Frage ist gespeichert.")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(before + 1);
  await expect(list.getByRole("listitem").last()).toContainText(LABEL);
  await expect(list.getByRole("listitem").last()).toContainText("Skala 1 = schlecht bis 5 = sehr gut");

  await page.getByRole("button", { name: `Nach oben (${LABEL})` }).click();
  await expect(page.getByText("Die Reihenfolge ist geändert.")).toBeVisible();
  await expect(list.getByRole("listitem").nth(before - 1)).toContainText(LABEL);

  await page.getByRole("link", { name: `Bearbeiten (${LABEL})` }).click();
  await expect(page.getByRole("heading", { name: "Frage bearbeiten" })).toBeVisible();
  await page.getByRole("textbox", { name: "Bezeichnung für 5 (Deutsch)" }).fill("ausgezeichnet");
  await page.getByRole("button", { name: "Frage speichern" }).click();
  await expect(page.getByText("Die Frage ist gespeichert.")).toBeVisible();
  await expect(list.getByRole("listitem").nth(before - 1)).toContainText("Skala 1 = schlecht bis 5 = ausgezeichnet");
  await picture(page, "standard-bewertungsbogen");

  // A question somebody answered offers no removal; this one has no answers.
  await page.getByText(`Entfernen … (${LABEL})`).click();
  await page.getByRole("button", { name: `Frage „${LABEL}“ endgültig entfernen` }).click();
  await expect(page.getByText("Die Frage ist entfernt.")).toBeVisible();
  await expect(list.getByRole("listitem")).toHaveCount(before);
  await expect(list).not.toContainText(LABEL);
  await context.close();
});

// axe runs scripts in the page: with JavaScript, the empty page and a refused submission.
test("the default questionnaire's page and its error summary pass axe", async ({ page }) => {
  const programmeId = await withDatabase(
    async (client) => (await client.query<{ programmeId: string }>(`SELECT "programmeId" FROM workshops WHERE slug = $1`, [WORKSHOP])).rows[0]!.programmeId,
  );
  await signIn(page);
  await page.goto(`/organisation/admin/programme/${programmeId}`);
  await page.getByRole("link", { name: "Standard-Bewertungsbogen des Programms bearbeiten" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Standard-Bewertungsbogen: KommA");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Frage hinzufügen" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a new workshop asks the standard institution question; its options stay fixed, and once removed a button adds it again", async ({ page }) => {
  const label = "Für welche Art von Institution sind Sie tätig? (optional)";
  await signIn(page);
  await page.goto("/organisation/workshops");
  await page.getByRole("link", { name: "Neuen Workshop anlegen" }).click();
  await page.getByRole("textbox", { name: "Titel", exact: true }).fill("E2E-Workshop mit Standardfrage");
  await page.getByLabel("Adresse (Kurzname)").fill(`e2e-standardfrage-${Date.now().toString(36)}`);
  await page.getByRole("textbox", { name: "Kurzbeschreibung", exact: true }).fill("Ein Workshop, den die Tests anlegen.");
  await page.getByRole("textbox", { name: "Beschreibung", exact: true }).fill("Beschreibung des Workshops.");
  await page.getByRole("button", { name: "Workshop anlegen" }).click();
  await expect(page.getByText("Der Workshop ist angelegt. Er ist noch nicht veröffentlicht.")).toBeVisible();
  await page.goto(`${new URL(page.url()).pathname}/fragen`);

  await expect(page.getByText(/Standardfrage „Art der Institution“: Die Antworten zählen/)).toBeVisible();
  await expect(page.getByRole("button", { name: /Standardfrage „Art der Institution“ hinzufügen/ })).toHaveCount(0);
  await picture(page, "anmeldefragen");

  await page.getByRole("link", { name: `Bearbeiten (${label})` }).click();
  await expect(page.getByText("Diese Antwortmöglichkeiten zählen die Übersicht und der Förderbericht")).toBeVisible();
  await expect(page.getByRole("group", { name: "Art der Frage" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await picture(page, "anmeldefragen-standardfrage");
  await page.getByRole("textbox", { name: "Frage auf Deutsch" }).fill("Wo sind Sie tätig? (optional)");
  await page.getByRole("button", { name: "Frage speichern" }).click();
  await expect(page.getByText("Wo sind Sie tätig? (optional)", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Fragen in der Reihenfolge des Formulars" })).toContainText("Gemeinde/Stadt, Landkreis");

  await page.getByText("Entfernen … (Wo sind Sie tätig? (optional))").click();
  await page.getByRole("button", { name: "Frage „Wo sind Sie tätig? (optional)“ endgültig entfernen" }).click();
  const add = page.getByRole("button", { name: "Standardfrage „Art der Institution“ hinzufügen (zählt in der Übersicht und im Förderbericht)" });
  await expect(add).toBeVisible();
  await expectNoAxeViolations(page);
  await picture(page, "anmeldefragen-ohne-standardfrage");
  await add.click();
  await expect(page.getByText("Die Standardfrage „Art der Institution“ ist hinzugefügt.")).toBeVisible();
  await expect(add).toHaveCount(0);
  await expect(page.getByText(label, { exact: true })).toBeVisible();
});

// The evaluation spec waits for the seeded one-hour delay: put it back whatever happens here.
test.afterEach(async () => {
  await withDatabase((client) =>
    client.query(`UPDATE programmes SET "evaluationDelayHours" = 1 WHERE id = (SELECT "programmeId" FROM workshops WHERE slug = $1)`, [WORKSHOP]),
  );
});

test("an administrator changes the programme's evaluation delay without JavaScript; the workshop page shows the new default", async ({ browser }) => {
  const { context, page, workshopId } = await adminOnQuestionnairePage(browser);
  await expect(page.getByText("Leer lassen für den Standard des Programms: 1 Stunde(n).")).toBeVisible();
  await page.getByRole("link", { name: "Standards des Programms ändern" }).click();
  const defaults = page.getByRole("region", { name: "Standards für Versand und Auswertung" });
  const delay = defaults.getByRole("textbox", { name: "Versand nach Terminende (Stunden)" });
  await expect(delay).toHaveValue("1");

  // Bad input: the summary names the field, nothing is stored.
  await delay.fill("drei");
  await defaults.getByRole("button", { name: "Standards speichern" }).click();
  await expect(defaults.getByRole("alert").filter({ hasText: "Versand nach Terminende (Stunden): Bitte geben Sie eine ganze Zahl ein." })).toBeVisible();
  const stored = await withDatabase(
    async (client) =>
      (
        await client.query<{ hours: number }>(
          `SELECT p."evaluationDelayHours" AS hours FROM programmes p JOIN workshops w ON w."programmeId" = p.id WHERE w.id = $1`,
          [workshopId],
        )
      ).rows[0]!.hours,
  );
  expect(stored).toBe(1);

  await delay.fill("2");
  await defaults.getByRole("button", { name: "Standards speichern" }).click();
  await expect(page.getByText("Die Standards der Bewertung sind gespeichert.")).toBeVisible();
  await expect(delay).toHaveValue("2");
  await picture(page, "standard-bewertung-einstellungen");
  await page.goto(`/organisation/workshops/${workshopId}/bewertungsbogen`);
  await expect(page.getByText("Leer lassen für den Standard des Programms: 2 Stunde(n).")).toBeVisible();

  await context.close();
});
