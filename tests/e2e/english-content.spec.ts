// English content: what organisers wrote in English appears on the English
// pages unmarked; where they wrote nothing, the German text appears marked
// lang="de" (screen readers then pronounce it as German). Also the embed page
// and the calendar feed, and the administrators' programme forms.
import { expect, test, type BrowserContext } from "@playwright/test";
import { withDatabase } from "./support/database";
import { expectNoAxeViolations } from "./support/axe";
import { signIn } from "./support/sign-in";

const FIRST = "vielfaltsorientierte-verwaltung";
const SECOND = "amts-und-mandatspersonen-schuetzen";

async function english(context: BrowserContext, baseURL: string | undefined) {
  await context.addCookies([{ name: "locale", value: "en", url: baseURL! }]);
}

/** The seeded English texts back, as every other spec expects them. */
async function restoreEnglish() {
  await withDatabase((client) =>
    client.query(`UPDATE workshops w SET "titleEn" = e."titleEn", "summaryEn" = e."summaryEn", "descriptionEn" = e."descriptionEn", "guidingQuestionsEn" = e."guidingQuestionsEn"
                  FROM e2e_seed_workshops e WHERE w.id = e.id`),
  );
}

test.describe("English content", () => {
  // The second workshop has no English version: its texts are the German fallback.
  test.beforeEach(async () => {
    await restoreEnglish();
    await withDatabase((client) =>
      client.query(`UPDATE workshops SET "titleEn" = NULL, "summaryEn" = NULL, "descriptionEn" = NULL, "guidingQuestionsEn" = '{}' WHERE slug = $1`, [SECOND]),
    );
  });
  test.afterAll(restoreEnglish);

  test("the programme page shows English texts and marks the German fallback lang=de", async ({ page, context, baseURL }) => {
    await english(context, baseURL);
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("KommA – Municipal Alliances against Racism and Hate");
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveAttribute("lang", /./);
    await expect(page.locator(".lead").first()).toContainText("For three years");

    const first = page.getByRole("article", { name: /Strengthening a diversity-oriented administration/ });
    await expect(first.getByText("How municipalities can ask staff about")).not.toHaveAttribute("lang", /./);
    await expect(first.getByRole("link", { name: "Managing assaults" })).toBeVisible();

    const second = page.getByRole("article", { name: /Amts- und Mandatspersonen bei Anfeindungen/ });
    await expect(second.locator('h3 [lang="de"]')).toHaveText("Amts- und Mandatspersonen bei Anfeindungen schützen und stärken");
    await expect(second.locator('p[lang="de"]').first()).toContainText("Wie das Thema Anfeindungen");
    // Instruments keep their own English titles whatever the workshop has.
    await expect(second.getByRole("link", { name: "Staff questionnaire" })).toBeVisible();
    // The interface around it stays English.
    await expect(page.getByRole("heading", { name: "Workshops", exact: false }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a workshop page without English texts marks title, description and guiding questions as German", async ({ page, context, baseURL }) => {
    await english(context, baseURL);
    await page.goto(`/workshops/${SECOND}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "de");
    await expect(page.locator('ul[lang="de"] li').first()).toContainText("Wie kann das Thema Anfeindungen");
    await expectNoAxeViolations(page);

    await page.goto(`/workshops/${FIRST}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Strengthening a diversity-oriented administration and protecting staff");
    // Nothing in the content is marked German (the language switch's "Deutsch" is, outside main).
    await expect(page.locator('main [lang="de"]')).toHaveCount(0);
    await expect(page.getByText("How can complaint and support procedures be set up effectively?")).toBeVisible();
    await expect(page.getByRole("link", { name: /Overview: KommA instruments for a diversity-oriented administration/ })).toBeVisible();
  });

  test("German readers get the German texts, unmarked", async ({ page }) => {
    await page.goto(`/workshops/${FIRST}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vielfaltsorientierte Verwaltung stärken und Mitarbeitende schützen");
    await expect(page.locator('main [lang="de"]')).toHaveCount(0);
  });

  test("the embed page and the calendar feed use the English version or mark the German one", async ({ page, context, baseURL, request }) => {
    await english(context, baseURL);
    await page.goto("/einbetten");
    await expect(page.locator("h2").filter({ hasText: "Strengthening a diversity-oriented administration" })).not.toHaveAttribute("lang", /./);
    await expect(page.locator('h2[lang="de"]')).toHaveText("Amts- und Mandatspersonen bei Anfeindungen schützen und stärken");

    const feed = await (await request.get("/kalender.ics", { headers: { cookie: "locale=en" } })).text();
    expect(feed.replace(/\r\n /g, "")).toContain("SUMMARY:Strengthening a diversity-oriented administration and protecting staff");
    expect(feed.replace(/\r\n /g, "")).toContain("SUMMARY:Amts- und Mandatspersonen bei Anfeindungen schützen und stärken");
  });

  test("organisers write the English version in the workshop's text form", async ({ page, baseURL }) => {
    await signIn(page);
    const id = await withDatabase(async (client) => (await client.query<{ id: string }>(`SELECT id FROM workshops WHERE slug = $1`, [SECOND])).rows[0]!.id);
    await page.goto(`/organisation/workshops/${id}/texte`);
    const group = page.getByRole("group", { name: "Englische Fassung (optional)" });
    await group.getByLabel("Titel (Englisch)").fill("Protecting officials facing hostility");
    await group.getByLabel("Leitfragen (Englisch)").fill("How can hostility be put on the agenda?\nWhich procedures are needed?");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Texte speichern" }).click();
    await expect(page.getByText("Die Texte sind gespeichert.")).toBeVisible();

    await english(page.context(), baseURL);
    await page.goto(`/workshops/${SECOND}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Protecting officials facing hostility");
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveAttribute("lang", /./);
    await expect(page.getByText("Which procedures are needed?")).toBeVisible();
    // The summary has no English version yet: still German, marked.
    await expect(page.locator('p.lead[lang="de"]')).toContainText("Wie das Thema Anfeindungen");
  });
});

test.describe("programmes in the administration", () => {
  test("an administrator creates a programme and publishes a new privacy notice version", async ({ page }) => {
    const name = `Testprogramm Straßen ${Date.now().toString(36)}`;
    await signIn(page);
    await page.goto("/organisation/admin");
    await page.getByRole("navigation", { name: "Verwaltung" }).getByRole("link", { name: "Programme" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Programme");
    await expect(page.getByRole("row", { name: /KommA – Kommunale Allianzen/ })).toContainText("wird gezeigt");
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Neues Programm anlegen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Neues Programm anlegen");
    await page.getByRole("button", { name: "Programm anlegen" }).click();
    // Name, introduction, contact address and privacy notice are missing, each linked to its field.
    const links = page.getByRole("alert", { name: "Bitte prüfen Sie Ihre Angaben" }).getByRole("link");
    await expect(links).toHaveCount(4);
    await expect(links.first()).toHaveAttribute("href", "#field-name");
    await expectNoAxeViolations(page);

    await page.getByRole("textbox", { name: /^Name/ }).first().fill(name);
    await page
      .getByRole("textbox", { name: /^Einführung/ })
      .first()
      .fill("Ein Programm zum Ausprobieren.");
    await page.getByRole("textbox", { name: /^Kontakt-E-Mail-Adresse/ }).fill("test@example.org");
    await page
      .getByRole("textbox", { name: /^Datenschutzhinweise/ })
      .first()
      .fill("Datenschutzhinweise\nFassung zum Ausprobieren.");
    await page.getByRole("button", { name: "Programm anlegen" }).click();
    await expect(page.getByText("Das Programm ist angelegt.")).toBeVisible();
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("Fassung 1");

    await row.getByRole("link").click();
    await expect(page.getByRole("textbox", { name: /^Kurzname/ })).toHaveValue(/^testprogramm-strassen-/);
    await expectNoAxeViolations(page);
    await page
      .getByRole("textbox", { name: /^Datenschutzhinweise/ })
      .first()
      .fill("Datenschutzhinweise\nZweite Fassung.");
    await page.getByRole("button", { name: "Programm speichern" }).click();
    await expect(page.getByText(/Die geänderten Datenschutzhinweise gelten als neue Fassung/)).toBeVisible();
    await page.getByRole("link", { name: "Zurück zu den Programmen" }).click();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Fassung 2");
    // Not marked as shown: the public pages still show KommA.
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("KommA – Kommunale Allianzen gegen Rassismus und Hass");
  });
});
