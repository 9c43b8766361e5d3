// The organiser and admin pages as organisers meet them: on a phone (375 and
// 320 px wide) every page fits or scrolls only inside a focusable region; the
// error summary names its fields; names are listed the German way.
import { expect, test, type Page } from "@playwright/test";
import { withDatabase } from "./support/database";
import { ADMIN, signIn } from "./support/sign-in";
import { expectNoAxeViolations } from "./support/axe";

// Inserted in code-point order, which is how they were listed before: Brück, Dorn, Zoe, Älter, Çelik, Özdemir.
const LAST_NAMES = ["Brück", "Dorn", "Zoe", "Älter", "Çelik", "Özdemir"];
const GERMAN_ORDER = ["Älter", "Brück", "Çelik", "Dorn", "Özdemir", "Zoe"];
const SLUG = "e2e-telefon";

type World = { workshopId: string; sessionId: string; instrumentId: string | null };

async function arrange(): Promise<World> {
  return withDatabase(async (client) => {
    const programme = await client.query<{ id: string; noticeId: string }>(
      `SELECT p.id, n.id AS "noticeId" FROM programmes p JOIN privacy_notices n ON n."programmeId" = p.id ORDER BY p."createdAt", n.version DESC LIMIT 1`,
    );
    const { id: programmeId, noticeId } = programme.rows[0]!;
    const workshop = await client.query<{ id: string }>(
      `INSERT INTO workshops (id, "programmeId", slug, title, summary, description, "guidingQuestions", "updatedAt")
       VALUES (gen_random_uuid(), $1, $2, 'Telefon-Workshop mit einem recht langen Titel, der auf kleinen Bildschirmen umbrechen muss', 'Kurz', 'Lang', '{}', now())
       ON CONFLICT ("programmeId", slug) DO UPDATE SET "updatedAt" = now() RETURNING id`,
      [programmeId, SLUG],
    );
    const workshopId = workshop.rows[0]!.id;
    const existing = await client.query<{ id: string }>(`SELECT id FROM sessions WHERE "workshopId" = $1 LIMIT 1`, [workshopId]);
    let sessionId = existing.rows[0]?.id;
    if (!sessionId) {
      const session = await client.query<{ id: string }>(
        `INSERT INTO sessions (id, "workshopId", "startsAt", "endsAt", capacity, "confirmedCount", "joinUrl", "updatedAt")
         VALUES (gen_random_uuid(), $1, now() + interval '30 days', now() + interval '30 days 2 hours', 20, $2,
                 'https://video.example.org/ein-sehr-langer-raumname-der-auf-telefonen-nicht-in-eine-zeile-passt', now()) RETURNING id`,
        [workshopId, LAST_NAMES.length],
      );
      sessionId = session.rows[0]!.id;
      for (const [index, lastName] of LAST_NAMES.entries()) {
        await client.query(
          `INSERT INTO registrations (id, "sessionId", status, "firstName", "lastName", email, organisation, role, locale, "privacyNoticeId", "consentedAt", "confirmedAt", "createdAt", "updatedAt")
           VALUES (gen_random_uuid(), $1, 'CONFIRMED', 'Anna', $2, $3, 'Verbandsgemeinde Musterhausen-Landkreisverwaltung', 'ADMINISTRATION', 'de', $4, now(), now(), now(), now())`,
          [sessionId, lastName, `telefon-${index}-mit-langer-adresse@verbandsgemeinde-musterhausen.example.org`, noticeId],
        );
      }
    }
    const instrument = await client.query<{ id: string }>(`SELECT id FROM instruments ORDER BY position LIMIT 1`);
    return { workshopId, sessionId, instrumentId: instrument.rows[0]?.id ?? null };
  });
}

/** The page itself never scrolls sideways; wide tables scroll inside their region. */
async function expectNoHorizontalScroll(page: Page, path: string): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll, `${path} is ${widths.scroll} px wide at ${widths.inner} px`).toBeLessThanOrEqual(widths.inner);
}

async function lastNamesIn(page: Page, rows: string): Promise<string[]> {
  const names = await page.locator(rows).allInnerTexts();
  return names.map((text) => LAST_NAMES.find((name) => text.includes(name))).filter((name): name is string => Boolean(name));
}

test.describe("the organiser area on a phone", () => {
  let world: World;
  test.beforeAll(async () => {
    world = await arrange();
  });

  test("every organiser and admin page fits at 375 and 320 px and has no axe finding", async ({ page }) => {
    test.setTimeout(480_000);
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page);
    const mail = await withDatabase((client) => client.query<{ id: string }>(`SELECT id FROM outbox_messages ORDER BY "createdAt" DESC LIMIT 1`));
    // The administrator exists from the first sign-in on.
    const admin = await withDatabase((client) => client.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [ADMIN]));
    const paths = [
      "/organisation",
      "/organisation/workshops",
      "/organisation/workshops/neu",
      `/organisation/workshops/${world.workshopId}`,
      `/organisation/workshops/${world.workshopId}/texte`,
      `/organisation/workshops/${world.workshopId}/fragen`,
      `/organisation/workshops/${world.workshopId}/instrumente`,
      `/organisation/workshops/${world.workshopId}/materialien`,
      `/organisation/workshops/${world.workshopId}/termine/neu`,
      `/organisation/termine/${world.sessionId}`,
      `/organisation/termine/${world.sessionId}/bearbeiten`,
      `/organisation/termine/${world.sessionId}/hinzufuegen`,
      `/organisation/termine/${world.sessionId}/nachricht`,
      `/organisation/termine/${world.sessionId}/absagen`,
      `/organisation/termine/${world.sessionId}/drucken`,
      "/organisation/instrumente",
      ...(world.instrumentId ? [`/organisation/instrumente/${world.instrumentId}`, `/organisation/instrumente/${world.instrumentId}/texte`] : []),
      "/organisation/export",
      "/organisation/einbetten",
      "/organisation/admin",
      "/organisation/admin/benutzer",
      `/organisation/admin/benutzer/${admin.rows[0]!.id}`,
      "/organisation/admin/protokoll",
      "/organisation/admin/auskunft",
      "/mailbox",
      `/mailbox/${mail.rows[0]!.id}`,
    ];
    for (const path of paths) {
      await page.setViewportSize({ width: 375, height: 800 });
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoHorizontalScroll(page, path);
      await expectNoAxeViolations(page);
      await page.setViewportSize({ width: 320, height: 800 });
      await expectNoHorizontalScroll(page, path);
    }
  });

  test("the audit log, with a lookup recorded, reads as words and scrolls in a focusable region", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page);
    await page.goto("/organisation/admin/auskunft");
    await page.getByLabel("E-Mail-Adresse der betroffenen Person").fill("telefon-0-mit-langer-adresse@verbandsgemeinde-musterhausen.example.org");
    await page.getByRole("button", { name: "Daten suchen" }).click();
    await expect(page.getByRole("heading", { level: 2, name: /telefon-0/ })).toBeFocused();

    await page.goto("/organisation/admin/protokoll");
    const region = page.getByRole("region", { name: "Protokolleinträge" });
    await region.focus();
    await expect(region).toBeFocused();
    const lookup = region.getByRole("row").filter({ hasText: "Daten einer Person gesucht" }).first();
    await expect(lookup).toContainText("Betroffene Person (Kennung)");
    await expect(lookup).toContainText("Anmeldungen: 1");
    await expect(lookup).not.toContainText("telefon-0");
    await expect(region).not.toContainText("privacy.subject.lookup");
    await expect(region).not.toContainText("{");
    await expectNoAxeViolations(page);
  });
});

test.describe("organiser forms", () => {
  test("name each field in the error summary and link to it; inputs and text areas both show the error border", async ({ page }) => {
    await signIn(page);
    await page.goto("/organisation/workshops/neu");
    await page.getByRole("button", { name: "Workshop anlegen" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Bitte prüfen Sie Ihre Angaben" });
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link", { name: "Titel: Bitte füllen Sie dieses Feld aus." })).toHaveAttribute("href", "#field-title");
    await expect(summary.getByRole("link", { name: "Kurzbeschreibung: Bitte füllen Sie dieses Feld aus." })).toHaveAttribute("href", "#field-summary");
    const links = await summary.getByRole("link").allInnerTexts();
    expect(
      links.every((text) => /^[^:]+: /.test(text)),
      links.join(" | "),
    ).toBe(true);

    const danger = "rgb(164, 22, 26)";
    await expect(page.getByRole("textbox", { name: "Titel", exact: true })).toHaveCSS("border-top-color", danger);
    await expect(page.getByRole("textbox", { name: "Kurzbeschreibung", exact: true })).toHaveCSS("border-top-color", danger);
    await summary.getByRole("link", { name: /^Titel:/ }).click();
    await expect(page).toHaveURL(/#field-title$/);
    await expectNoAxeViolations(page);
  });
});

test.describe("names", () => {
  let world: World;
  test.beforeAll(async () => {
    world = await arrange();
  });

  test("are listed the German way on the session page and in the print view", async ({ page }) => {
    await signIn(page);
    await page.goto(`/organisation/termine/${world.sessionId}`);
    expect(await lastNamesIn(page, "table tbody tr")).toEqual(GERMAN_ORDER);
    await page.goto(`/organisation/termine/${world.sessionId}/drucken`);
    expect(await lastNamesIn(page, ".org-print-table tbody tr")).toEqual(GERMAN_ORDER);
  });
});

test.describe("the mailbox", () => {
  test("shows a message's HTML as its own sandboxed document, so the message page itself passes axe", async ({ page, request }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page);
    const mail = await withDatabase((client) =>
      client.query<{ id: string; subject: string }>(`SELECT id, subject FROM outbox_messages ORDER BY "createdAt" DESC LIMIT 1`),
    );
    await page.goto(`/postfach/${mail.rows[0]!.id}`);
    await expect(page.locator("iframe")).toHaveCount(0);
    await expectNoAxeViolations(page);

    const link = page.getByRole("link", { name: "HTML-Fassung der E-Mail öffnen" });
    const response = await request.get((await link.getAttribute("href"))!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/html; charset=utf-8");
    // Scripts, forms and loads from elsewhere are off in the mail's HTML.
    expect(response.headers()["content-security-policy"]).toMatch(/^sandbox; default-src 'none'/);
    expect(response.headers()["referrer-policy"]).toBe("no-referrer");
    expect(await response.text()).toMatch(/^<!DOCTYPE html>/i);
    await link.click();
    await expect(page.locator("h1")).toBeVisible();
  });
});
