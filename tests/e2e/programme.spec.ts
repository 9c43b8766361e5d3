import AxeBuilder from "@axe-core/playwright";
import { resetSeedData, sessionIdOf } from "./support/database";
import { expect, test } from "@playwright/test";

// Each test starts from the seeded programme, whatever earlier tests did.
test.beforeEach(resetSeedData);

test.describe("the programme page", () => {
  test("lists the KommA workshops with their dates, instruments and seats in German", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("KommA – Kommunale Allianzen gegen Rassismus und Hass");
    await expect(page.getByRole("heading", { name: /Vielfaltsorientierte Verwaltung stärken und Mitarbeitende schützen/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: /Amts- und Mandatspersonen bei Anfeindungen schützen und stärken/ })).toBeVisible();
    await expect(page.getByText(/^Mittwoch, \d{1,2}\. \w+ \d{4}, 14:00–16:00 Uhr$/)).toHaveCount(3);
    await expect(page.getByText("Übergriffsmanagement")).toHaveCount(2);
    await expect(page.getByText("Mitarbeitenden-Befragung")).toBeVisible();
    await expect(page.getByText("noch 100 Plätze frei")).toHaveCount(3);
    await expect(page.getByText(/Identischer Workshop, 2 Termine zur Auswahl/)).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
  });

  test("has no WCAG 2.1 AA violations", async ({ page }) => {
    await page.goto("/");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  test("is a plain document that runs no script, and the form page it leads to runs only its own form checks", async ({ page }) => {
    const violations: string[] = [];
    const scripts: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    const response = await page.goto("/");
    const headers = response!.headers();
    // Nothing on the programme needs client code (docs/decisions/0036): no Next.js runtime, and no script may run.
    expect(headers["content-security-policy"]).toContain("script-src 'none'");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(await page.locator("script").count()).toBe(0);
    expect(scripts).toEqual([]);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // APP_URL is plain http here: no HSTS (tests/e2e/runtime.spec.ts checks it is sent for https).
    expect(headers["strict-transport-security"]).toBeUndefined();
    // The language switch is a plain form.
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "Auf Deutsch wechseln" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    const [form] = await Promise.all([
      page.waitForResponse((answer) => answer.url().includes("/anmeldung") && answer.request().resourceType() === "document"),
      page
        .getByRole("link", { name: /^Für den Termin am .* anmelden$/ })
        .first()
        .click(),
    ]);
    // The form checks its fields before sending with one small script of its own, no framework (docs/decisions/0039).
    expect(form.headers()["content-security-policy"]).toContain("script-src 'self';");
    await expect(page.getByRole("button", { name: "Verbindlich anmelden" })).toBeVisible();
    expect(scripts.map((url) => new URL(url).pathname)).toEqual(["/form-checks.js"]);
    expect(violations).toEqual([]);
  });

  test("the public JSON API is served with the security headers too", async ({ request }) => {
    const response = await request.get(`/api/v1/sessions/${await sessionIdOf("vielfaltsorientierte-verwaltung", 0)}`);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  test("makes no request to any host but its own", async ({ page, baseURL }) => {
    const foreign: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin !== new URL(baseURL!).origin && !url.protocol.startsWith("data")) foreign.push(request.url());
    });
    await page.goto("/");
    await page.getByRole("link", { name: /Mehr zum Workshop „Amts- und Mandatspersonen/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Amts- und Mandatspersonen bei Anfeindungen schützen und stärken");
    await page.goto("/datenschutz");
    expect(foreign).toEqual([]);
  });

  test("switches to English and back without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByText("100 seats left")).toHaveCount(3);
    await page.getByRole("button", { name: "Auf Deutsch wechseln" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await context.close();
  });

  test("offers the workshop materials as a download", async ({ page }) => {
    await page.goto("/");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: /Übersicht: KommA-Instrumente für eine vielfaltsorientierte Verwaltung/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("vielfaltsorientierte-verwaltung-instrumente.txt");
  });
});
