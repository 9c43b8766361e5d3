// The public and participant pages as people meet them on a phone, in German
// and English: every page fits at 320 px (the page never scrolls sideways),
// German content on English pages is marked lang="de" wherever it stands,
// and long German compounds in headings break with a hyphen, not silently.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { resetSeedData, sessionIdOf, withDatabase } from "./support/database";

const W1 = "vielfaltsorientierte-verwaltung";
const W2 = "amts-und-mandatspersonen-schuetzen";
// Not a real code: one the verification page accepts (20 characters of its alphabet).
const CODE = "7KQMX3PAB2CDEFGHJKLM";

type World = {
  session: string;
  otherSession: string;
  instrument: string;
  manage: string;
  confirm: string;
  emailChange: string;
  pastManage: string;
  evaluation: string;
  germanTitle: string;
  germanSummary: string;
};

function token(): { token: string; hash: string } {
  const value = randomBytes(32).toString("base64url");
  return { token: value, hash: createHash("sha256").update(value, "utf8").digest("hex") };
}

/** A confirmed registration with its manage link, one awaiting its double opt-in, a changed address awaiting confirmation, and one after the session (certificate, evaluation): each page a participant can reach, with a long name and address. */
async function arrange(): Promise<World> {
  await resetSeedData();
  const session = await sessionIdOf(W2, 0);
  const otherSession = await sessionIdOf(W2, 1);
  const manage = token();
  const confirm = token();
  const emailChange = token();
  const pastManage = token();
  const evaluation = token();
  return withDatabase(async (client) => {
    // W2 has no English version: its texts are the German fallback on English pages.
    const workshop = await client.query<{ id: string; title: string; summary: string }>(
      `UPDATE workshops SET "titleEn" = NULL, "summaryEn" = NULL, "descriptionEn" = NULL, "guidingQuestionsEn" = '{}' WHERE slug = $1 RETURNING id, title, summary`,
      [W2],
    );
    const { id: workshopId, title: germanTitle, summary: germanSummary } = workshop.rows[0]!;
    const notice = await client.query<{ id: string }>(
      `SELECT n.id FROM privacy_notices n JOIN workshops w ON w."programmeId" = n."programmeId" WHERE w.id = $1 ORDER BY n.version DESC LIMIT 1`,
      [workshopId],
    );
    const noticeId = notice.rows[0]!.id;
    const insert = async (sessionId: string, status: string, email: string, extra: Record<string, unknown> = {}) => {
      const columns = Object.keys(extra).map((name) => `"${name}"`);
      const values = Object.values(extra);
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO registrations (id, "sessionId", status, "firstName", "lastName", email, organisation, role, locale, "privacyNoticeId", "consentedAt", "createdAt", "updatedAt"${columns.map((c) => `, ${c}`).join("")})
         VALUES (gen_random_uuid(), $1, $2, 'Maximiliane', 'Schwarzenberger-Oberhausen', $3, 'Verbandsgemeindeverwaltung Musterhausen-Landkreis', 'ADMINISTRATION', 'de', $4, now(), now(), now()${values.map((_, index) => `, $${index + 5}`).join("")})
         RETURNING id`,
        [sessionId, status, email, noticeId, ...values],
      );
      return rows[0]!.id;
    };
    const confirmed = await insert(session, "CONFIRMED", "maximiliane.schwarzenberger-oberhausen@verbandsgemeinde-musterhausen.example.org", {
      confirmedAt: new Date(),
    });
    await client.query(`UPDATE sessions SET "confirmedCount" = "confirmedCount" + 1 WHERE id = $1`, [session]);
    await client.query(`INSERT INTO manage_tokens (hash, "registrationId") VALUES ($1, $2)`, [manage.hash, confirmed]);
    await client.query(`INSERT INTO email_changes ("tokenHash", "registrationId", "newEmail", "expiresAt") VALUES ($1, $2, $3, now() + interval '1 day')`, [
      emailChange.hash,
      confirmed,
      "maximiliane.neu@verbandsgemeinde-musterhausen.example.org",
    ]);
    await insert(session, "PENDING", "optin.schwarzenberger@example.org", {
      confirmTokenHash: confirm.hash,
      holdExpiresAt: new Date(Date.now() + 86_400_000),
    });
    const past = await client.query<{ id: string }>(
      `INSERT INTO sessions (id, "workshopId", "startsAt", "endsAt", capacity, "confirmedCount", "updatedAt")
       VALUES (gen_random_uuid(), $1, now() - interval '3 days', now() - interval '3 days' + interval '2 hours', 20, 1, now()) RETURNING id`,
      [workshopId],
    );
    const attended = await insert(past.rows[0]!.id, "CONFIRMED", "teilgenommen.schwarzenberger@example.org", {
      confirmedAt: new Date(),
      attended: true,
      certificateCode: CODE,
    });
    await client.query(`INSERT INTO manage_tokens (hash, "registrationId") VALUES ($1, $2)`, [pastManage.hash, attended]);
    await client.query(`INSERT INTO evaluation_invitations ("registrationId", "sessionId", "tokenHash") VALUES ($1, $2, $3)`, [
      attended,
      past.rows[0]!.id,
      evaluation.hash,
    ]);
    const instrument = await client.query<{ slug: string }>(`SELECT slug FROM instruments ORDER BY length(title) DESC LIMIT 1`);
    return {
      session,
      otherSession,
      instrument: instrument.rows[0]!.slug,
      manage: manage.token,
      confirm: confirm.token,
      emailChange: emailChange.token,
      pastManage: pastManage.token,
      evaluation: evaluation.token,
      germanTitle,
      germanSummary,
    };
  });
}

/** The seeded English texts back, as every other spec expects them. */
async function restoreEnglish() {
  await withDatabase((client) =>
    client.query(`UPDATE workshops w SET "titleEn" = e."titleEn", "summaryEn" = e."summaryEn", "descriptionEn" = e."descriptionEn", "guidingQuestionsEn" = e."guidingQuestionsEn"
                  FROM e2e_seed_workshops e WHERE w.id = e.id`),
  );
}

function publicPages(world: World): string[] {
  return [
    "/",
    `/workshops/${W1}`,
    `/workshops/${W2}`,
    "/instrumente",
    `/instrumente/${world.instrument}`,
    `/termine/${world.session}/anmeldung`,
    `/termine/${world.session}/anmeldung/eingegangen`,
    `/bestaetigen/${world.confirm}`,
    `/r/${world.manage}`,
    `/r/${world.manage}/absagen`,
    `/r/${world.manage}/wechseln?termin=${world.otherSession}`,
    `/e-mail-bestaetigen/${world.emailChange}`,
    `/r/${world.pastManage}`,
    `/bewertung/${world.evaluation}`,
    "/bewertung/danke",
    `/bescheinigung/pruefen?code=${CODE}`,
    "/datenschutz",
    "/impressum",
    "/anmelden",
    "/gibt-es-nicht",
  ];
}

async function english(context: BrowserContext, baseURL: string | undefined) {
  await context.addCookies([{ name: "locale", value: "en", url: baseURL! }]);
}

/** Set E2E_SCREENSHOTS=<folder> to keep a full-page picture of each page and width, for looking at them. */
async function keepScreenshot(page: Page, name: string) {
  const folder = process.env.E2E_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  const { width, height } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  // In pieces a person can look at: a long page in one picture is too small to read.
  for (let top = 0, part = 1; top < height; top += 1200, part += 1) {
    const path = `${folder}/${name.replace(/[^a-z0-9]+/gi, "_").slice(0, 120)}-${part}.png`;
    await page.screenshot({ path, fullPage: true, clip: { x: 0, y: top, width, height: Math.min(1200, height - top) } });
  }
}

test.describe("public and participant pages on a phone", () => {
  let world: World;
  test.beforeAll(async () => {
    world = await arrange();
  });
  // The registrations, the past session and the English texts as every other spec expects them.
  test.afterAll(async () => {
    await resetSeedData();
    await restoreEnglish();
  });

  for (const locale of ["de", "en"] as const) {
    test(`fit at 320 and 375 px without sideways scrolling (${locale})`, async ({ page, context, baseURL }) => {
      test.setTimeout(300_000);
      if (locale === "en") await english(context, baseURL);
      const tooWide: string[] = [];
      for (const path of publicPages(world)) {
        for (const width of [320, 375]) {
          await page.setViewportSize({ width, height: 800 });
          const response = await page.goto(path);
          expect(response?.status(), path).toBe(path === "/gibt-es-nicht" ? 404 : 200);
          await keepScreenshot(page, `${locale}-${width}-${path}`);
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          if (scroll > width) tooWide.push(`${path} is ${scroll} px wide at ${width} px`);
        }
      }
      expect(tooWide).toEqual([]);
    });
  }

  test("German content on English pages is marked lang=de wherever it stands, also inside a sentence", async ({ page, context, baseURL }) => {
    await english(context, baseURL);
    const pages = [
      "/",
      `/workshops/${W2}`,
      "/instrumente",
      `/termine/${world.session}/anmeldung`,
      `/termine/${world.session}/anmeldung/eingegangen`,
      `/bestaetigen/${world.confirm}`,
      `/r/${world.manage}`,
      `/r/${world.manage}/absagen`,
      `/r/${world.manage}/wechseln?termin=${world.otherSession}`,
      `/e-mail-bestaetigen/${world.emailChange}`,
      `/r/${world.pastManage}`,
      `/bewertung/${world.evaluation}`,
      `/bescheinigung/pruefen?code=${CODE}`,
    ];
    const germanTexts = [world.germanTitle, world.germanSummary.slice(0, 40)];
    for (const path of pages) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      // Every piece of text in the page's content that holds the German title or summary: which language it is marked as.
      const found = await page.evaluate((texts) => {
        const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
        const marks: { text: string; lang: string }[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? "";
          if (texts.some((german) => text.includes(german)))
            marks.push({ text: text.slice(0, 40), lang: node.parentElement!.closest("[lang]")!.getAttribute("lang")! });
        }
        return marks;
      }, germanTexts);
      expect(found.length, `${path} shows the German title`).toBeGreaterThan(0);
      expect(
        found.filter((mark) => mark.lang !== "de"),
        path,
      ).toEqual([]);
    }
    // The sentence around the title stays English.
    await page.goto(`/termine/${world.session}/anmeldung/eingegangen`);
    await expect(page.getByRole("status")).toContainText("We have received your details for the workshop “Amts- und Mandatspersonen");
    await expect(page.getByRole("status").locator('[lang="de"]')).toHaveText(world.germanTitle);
  });

  test("where organisers wrote an English title, the participant's pages show it unmarked in English and the German one in German", async ({
    page,
    context,
    baseURL,
  }) => {
    const englishTitle = "Protecting officials and elected representatives from hostility";
    await withDatabase((client) => client.query(`UPDATE workshops SET "titleEn" = $1 WHERE slug = $2`, [englishTitle, W2]));
    try {
      // A query string keeps the received page out of the public page cache, which may still hold it with the German title.
      const pages = [
        `/termine/${world.session}/anmeldung/eingegangen?neu`,
        `/bestaetigen/${world.confirm}`,
        `/r/${world.manage}`,
        `/r/${world.manage}/absagen`,
        `/r/${world.manage}/wechseln?termin=${world.otherSession}`,
        `/e-mail-bestaetigen/${world.emailChange}`,
        `/bescheinigung/pruefen?code=${CODE}`,
      ];
      for (const path of pages) {
        await page.goto(path);
        await expect(page.locator("main"), path).toContainText(world.germanTitle);
        await expect(page.locator("main"), path).not.toContainText(englishTitle);
      }
      await english(context, baseURL);
      for (const path of pages) {
        await page.goto(path);
        await expect(page.locator("main"), path).toContainText(englishTitle);
        await expect(page.locator("main"), path).not.toContainText(world.germanTitle);
        await expect(page.locator("main [lang=de]").filter({ hasText: englishTitle }), path).toHaveCount(0);
      }
    } finally {
      await withDatabase((client) => client.query(`UPDATE workshops SET "titleEn" = NULL WHERE slug = $1`, [W2]));
    }
  });

  test("long German compounds in headings break with a hyphen and keep their whole name for screen readers", async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    const cdp = await page.context().newCDPSession(page);
    for (const [path, heading] of [
      [`/bescheinigung/pruefen`, "Teilnahmebescheinigung prüfen"],
      [`/r/${world.pastManage}`, "Teilnahmebescheinigung"],
      ["/anmelden", "Im Organisationsbereich anmelden"],
    ] as const) {
      await page.goto(path);
      const element = page.getByRole("heading", { name: heading, exact: true });
      // A soft hyphen: the browser breaks there and shows a hyphen, and only when the line needs it.
      expect(await element.evaluate((node) => node.textContent)).toContain("\u00ad");
      expect(await element.evaluate((node) => node.scrollWidth <= node.clientWidth)).toBe(true);
      // What Chromium gives screen readers: the word whole, without the soft hyphen.
      const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: { role?: { value?: string }; name?: { value?: string } }[] };
      const names = nodes.filter((node) => node.role?.value === "heading").map((node) => node.name?.value);
      expect(names, path).toContain(heading);
    }
  });
});
