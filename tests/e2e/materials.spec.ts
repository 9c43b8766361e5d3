import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import ICAL from "ical.js";
import { expect, test, type Page } from "@playwright/test";
import { resetSeedData, sessionIdOf, withDatabase } from "./support/database";
import { signIn } from "./support/sign-in";
import { expectNoAxeViolations } from "./support/axe";

const TITLE = "Leitfaden Übergriffsmanagement";

/** A PDF of about 600 KB (three storage chunks): a PDF header, then varied bytes. */
function handout(): Buffer {
  const bytes = Buffer.alloc(600_000);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = (index * 7) % 256;
  Buffer.from("%PDF-1.7\n").copy(bytes);
  return bytes;
}

async function upload(page: Page, title: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const form = page.getByRole("region", { name: "Datei hochladen" });
  await form.getByLabel("Titel", { exact: false }).first().fill(title);
  await form.getByLabel("Datei").setInputFiles(file);
  await form.getByRole("button", { name: "Datei hochladen" }).click();
}

test.beforeAll(resetSeedData);
test.afterAll(async () => {
  await resetSeedData();
  await withDatabase(async (client) => {
    const { rows } = await client.query<{ storageKey: string }>(`DELETE FROM materials WHERE title = $1 RETURNING "storageKey"`, [TITLE]);
    for (const row of rows) await client.query(`DELETE FROM material_chunks WHERE "storageKey" = $1::uuid`, [row.storageKey]);
  });
});

test.describe("materials of instruments", () => {
  test("an organiser uploads a PDF to an instrument of two workshops; both workshop pages offer it and a participant gets the same bytes", async ({
    page,
    browser,
  }) => {
    await signIn(page);
    await page.getByRole("navigation", { name: "Organisationsbereich" }).getByRole("link", { name: "Instrumente" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Instrumente");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Übergriffsmanagement", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Instrument: Übergriffsmanagement");
    await expectNoAxeViolations(page);

    const bytes = handout();
    await upload(page, TITLE, { name: "KommA Übergriffsmanagement.pdf", mimeType: "application/pdf", buffer: bytes });
    await expect(page.getByRole("status")).toHaveText("Die Datei ist hochgeladen.");
    await expect(page.getByRole("link", { name: TITLE })).toBeVisible();

    const participant = await browser.newContext({ javaScriptEnabled: false });
    const visitor = await participant.newPage();
    for (const workshop of ["vielfaltsorientierte-verwaltung", "amts-und-mandatspersonen-schuetzen"]) {
      await visitor.goto(`/workshops/${workshop}`);
      await expect(visitor.getByRole("link", { name: `${TITLE} (herunterladen)` })).toBeVisible();
      await expect(visitor.getByRole("link", { name: "Übergriffsmanagement", exact: true })).toHaveAttribute("href", "/instrumente/uebergriffsmanagement");
    }
    const [download] = await Promise.all([visitor.waitForEvent("download"), visitor.getByRole("link", { name: `${TITLE} (herunterladen)` }).click()]);
    expect(download.suggestedFilename()).toBe("KommA Übergriffsmanagement.pdf");
    expect(readFileSync((await download.path())!).equals(bytes)).toBe(true);

    const response = await visitor.request.get((await visitor.getByRole("link", { name: `${TITLE} (herunterladen)` }).getAttribute("href"))!, {
      headers: { range: "bytes=0-8" },
    });
    expect(response.status()).toBe(206);
    expect((await response.body()).toString()).toBe("%PDF-1.7\n");
    await participant.close();

    const counted = await withDatabase((client) =>
      client.query<{ count: number }>(`SELECT d.count FROM material_downloads d JOIN materials m ON m.id = d."materialId" WHERE m.title = $1`, [TITLE]),
    );
    expect(counted.rows.map((row) => row.count)).toEqual([1]);
    await page.reload();
    await expect(page.getByText("1 Download")).toBeVisible();
  });

  test("a file whose content is not what its name says is refused with a clear message, and nothing is stored", async ({ page }) => {
    await signIn(page);
    await page.goto("/organisation/instrumente");
    await page.getByRole("link", { name: "Mitarbeitenden-Befragung", exact: true }).click();
    const png = readFileSync(new URL("../fixtures/materials/pixel.png", import.meta.url));
    await upload(page, "Kein PDF", { name: "befragung.pdf", mimeType: "application/pdf", buffer: png });
    // (Next.js' route announcer is an alert too: the notice is found by its text.)
    await expect(page.locator(".notice--error")).toHaveText(
      "Der Inhalt der Datei passt nicht zu ihrem Namen (zum Beispiel eine „.pdf“-Datei, die kein PDF ist). Bitte prüfen Sie die Datei. Es wurde nichts gespeichert.",
    );
    await expect(page.locator(".notice--error")).toHaveAttribute("role", "alert");
    await upload(page, "Kein PDF", { name: "notizen.pdf", mimeType: "application/pdf", buffer: Buffer.from("Nur Text.\n") });
    await expect(page.locator(".notice--error")).toContainText("Der Inhalt der Datei passt nicht zu ihrem Namen");
    await upload(page, "Archiv", {
      name: "archiv.zip",
      mimeType: "application/zip",
      buffer: readFileSync(new URL("../fixtures/materials/plain.zip", import.meta.url)),
    });
    await expect(page.locator(".notice--error")).toContainText("Diese Art von Datei kann nicht hochgeladen werden.");
    const stored = await withDatabase((client) => client.query(`SELECT 1 FROM materials WHERE title IN ('Kein PDF', 'Archiv')`));
    expect(stored.rows).toHaveLength(0);
    await expectNoAxeViolations(page);
  });

  test("the instrument library and an instrument page work without JavaScript, are accessible and load nothing from other hosts", async ({
    page,
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noScript = await context.newPage();
    const foreign: string[] = [];
    noScript.on("request", (request) => {
      if (new URL(request.url()).origin !== new URL(baseURL!).origin && !request.url().startsWith("data:")) foreign.push(request.url());
    });
    await noScript.goto("/");
    await noScript.getByRole("link", { name: "Alle KommA-Instrumente und Materialien" }).click();
    await expect(noScript.getByRole("heading", { level: 1 })).toHaveText("KommA-Instrumente");
    await expect(noScript.getByRole("heading", { level: 2 })).toHaveCount(9);
    const shared = noScript.getByRole("article").filter({ has: noScript.getByRole("heading", { name: "Übergriffsmanagement", exact: true }) });
    await expect(shared.getByRole("link", { name: /Vielfaltsorientierte Verwaltung/ })).toBeVisible();
    await expect(shared.getByRole("link", { name: /Amts- und Mandatspersonen/ })).toBeVisible();
    await noScript.getByRole("link", { name: "Mehr zum Instrument „Übergriffsmanagement“" }).click();
    await expect(noScript.getByRole("heading", { level: 1 })).toHaveText("Übergriffsmanagement");
    expect(foreign).toEqual([]);
    await context.close();

    // axe runs as a script in the page: checked with JavaScript on.
    await page.goto("/instrumente");
    await expectNoAxeViolations(page);
    await page.goto("/instrumente/uebergriffsmanagement");
    await expectNoAxeViolations(page);
    await page.goto("/workshops/vielfaltsorientierte-verwaltung");
    await expectNoAxeViolations(page);
  });

  test("organisers choose a workshop's instruments and, after a session, send its materials; the pages are accessible", async ({ page }) => {
    await signIn(page);
    const workshopId = await withDatabase(
      async (client) => (await client.query<{ id: string }>(`SELECT id FROM workshops WHERE slug = 'amts-und-mandatspersonen-schuetzen'`)).rows[0]!.id,
    );
    await page.goto(`/organisation/workshops/${workshopId}`);
    await page.getByRole("link", { name: "Instrumente auswählen" }).click();
    await expectNoAxeViolations(page);
    await page.getByRole("checkbox", { name: "Mitarbeitenden-Befragung" }).uncheck();
    await page.getByRole("button", { name: "Auswahl speichern" }).click();
    await expect(page.getByRole("status")).toHaveText("Die Instrumente des Workshops sind gespeichert.");
    await expect(page.getByText("4 Instrumente.", { exact: false })).toBeVisible();
    await page.goto("/workshops/amts-und-mandatspersonen-schuetzen");
    await expect(page.getByRole("link", { name: "Mitarbeitenden-Befragung" })).toHaveCount(0);

    const instrumentId = await withDatabase(
      async (client) => (await client.query<{ id: string }>(`SELECT id FROM instruments WHERE slug = 'uebergriffsmanagement'`)).rows[0]!.id,
    );
    for (const path of [`/organisation/instrumente/${instrumentId}/texte`, `/organisation/workshops/${workshopId}/materialien`]) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }

    // A session that has ended, with one confirmed participant.
    const sessionId = await sessionIdOf("amts-und-mandatspersonen-schuetzen", 0);
    await withDatabase(async (client) => {
      await client.query(
        `UPDATE sessions SET "startsAt" = now() - interval '3 hours', "endsAt" = now() - interval '1 hour', "registrationOpensAt" = NULL, "registrationClosesAt" = NULL, "confirmedCount" = 1 WHERE id = $1`,
        [sessionId],
      );
      await client.query(
        `INSERT INTO registrations (id, "sessionId", status, "firstName", "lastName", email, organisation, role, "privacyNoticeId", "consentedAt", "confirmedAt", "updatedAt")
         SELECT gen_random_uuid(), $1, 'CONFIRMED', 'Erika', 'Muster', 'erika.muster@example.org', 'Stadt', 'ADMINISTRATION', id, now(), now(), now() FROM privacy_notices LIMIT 1`,
        [sessionId],
      );
    });
    await page.goto(`/organisation/termine/${sessionId}`);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Materialien an Teilnehmende senden" }).click();
    await expect(page.getByRole("status").filter({ hasText: "gesendet" })).toHaveText("Die Materialien werden an 1 Person gesendet.");
    // Pressed again: nobody gets a second mail.
    await page.getByRole("button", { name: "Materialien an Teilnehmende senden" }).click();
    await expect(page.getByRole("status").filter({ hasText: "gesendet" })).toHaveText("Es wurde keine E-Mail gesendet. 1 Person hatte sie schon erhalten.");
    const mails = await withDatabase((client) =>
      client.query<{ subject: string }>(`SELECT subject FROM outbox_messages WHERE kind = 'session-materials' AND "toAddress" = 'erika.muster@example.org'`),
    );
    expect(mails.rows.map((row) => row.subject)).toEqual(["Materialien zum Workshop „Amts- und Mandatspersonen bei Anfeindungen schützen und stärken“"]);
  });
});

test.describe("the programme's calendar feed", () => {
  test("is offered for subscription on the programme page and parses with every session of the published workshops", async ({ page, request }) => {
    await resetSeedData();
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Alle Termine im Kalender abonnieren" })).toHaveAttribute("href", /^webcal:\/\/localhost:\d+\/kalender\.ics$/);
    const response = await request.get("/kalender.ics");
    expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
    const sessions = await withDatabase(
      async (client) =>
        (
          await client.query<{ id: string; startsAt: Date; title: string }>(
            `SELECT s.id, s."startsAt", w.title FROM sessions s JOIN workshops w ON w.id = s."workshopId" WHERE w.published ORDER BY s."startsAt"`,
          )
        ).rows,
    );
    expect(sessions).toHaveLength(3);
    expect(events.map((event) => [event.summary, event.startDate.toJSDate().toISOString()])).toEqual(
      sessions.map((session) => [session.title, session.startsAt.toISOString()]),
    );
    expect(events.every((event) => !/meet|join|zugang/i.test(event.description ?? ""))).toBe(true);
  });
});

// A second local origin stands in for the programme's own website.
const SITE_PORT = Number(process.env.E2E_SITE_PORT ?? 3228);

test.describe("embedding the programme on its own website", () => {
  let site: Server;
  let snippet = "";
  test.beforeAll(async () => {
    site = createServer((_request, response) => {
      response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      response.end(`<!doctype html><html lang="de"><head><title>Website der Kommune</title></head><body><h1>Website der Kommune</h1>${snippet}</body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(SITE_PORT, resolve));
  });
  test.afterAll(async () => {
    await new Promise((resolve) => site.close(resolve));
    await withDatabase((client) => client.query(`UPDATE programmes SET "embedOrigins" = ARRAY[]::text[]`));
  });

  test("renders inside a page of an allow-listed origin, resizes it, and is refused inside one that is not", async ({ page }) => {
    await signIn(page);
    await page.getByRole("navigation", { name: "Organisationsbereich" }).getByRole("link", { name: "Auf der eigenen Website" }).click();
    await page.getByLabel("Adressen der Websites, eine pro Zeile").fill(`http://localhost:${SITE_PORT}\nhttps://www.kommune.de/pfad`);
    await page.getByRole("button", { name: "Websites speichern" }).click();
    await expect(page.locator(".notice--error")).toContainText("Bitte geben Sie jede Website als Adresse mit Protokoll und ohne Pfad an");
    await page.getByLabel("Adressen der Websites, eine pro Zeile").fill(`http://localhost:${SITE_PORT}`);
    await page.getByRole("button", { name: "Websites speichern" }).click();
    await expect(page.getByRole("status")).toHaveText("Die erlaubten Websites sind gespeichert.");
    await expectNoAxeViolations(page);
    snippet = await page.getByRole("textbox", { name: "Code zum Kopieren" }).first().inputValue();
    expect(snippet).toContain('src="http://localhost:3227/einbetten"'.replace("3227", new URL(page.url()).port));

    await page.goto(`http://localhost:${SITE_PORT}/`);
    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText("KommA – Kommunale Allianzen gegen Rassismus und Hass");
    await expect(frame.getByRole("heading", { level: 2 })).toHaveCount(2);
    await expect(frame.getByRole("link", { name: /anmelden/ }).first()).toHaveAttribute("target", "_blank");
    // The embedded page reported its height and the snippet applied it.
    await expect.poll(async () => Number(await page.locator("iframe").getAttribute("height"))).not.toBe(900);

    // The same page from an origin that is not on the list: the browser refuses the frame.
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/frame-ancestors/.test(message.text())) refused.push(message.text());
    });
    await page.goto(`http://127.0.0.1:${SITE_PORT}/`);
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "KommA – Kommunale Allianzen gegen Rassismus und Hass" })).toHaveCount(0);
  });

  test("the page for embedding keeps frame-ancestors 'none' while no website is listed, and the rest of the app always does", async ({ request }) => {
    await withDatabase((client) => client.query(`UPDATE programmes SET "embedOrigins" = ARRAY[]::text[]`));
    const embed = await request.get("/einbetten/vielfaltsorientierte-verwaltung");
    expect(embed.status()).toBe(200);
    expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(await embed.text()).toContain("Vielfaltsorientierte Verwaltung stärken und Mitarbeitende schützen");
    await withDatabase((client) => client.query(`UPDATE programmes SET "embedOrigins" = ARRAY['http://localhost:${SITE_PORT}']`));
    expect((await request.get("/einbetten")).headers()["content-security-policy"]).toContain(`frame-ancestors http://localhost:${SITE_PORT}`);
    expect((await request.get("/")).headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect((await request.get("/einbetten/gibt-es-nicht")).status()).toBe(404);
  });
});
