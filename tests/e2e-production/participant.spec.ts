import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { clearRateLimits, sessionIdsOf, withDatabase } from "./support/database";
import { APP_URL, APP_PORTS, WORK_DIR } from "./support/deployment";
import { linksIn, waitForMail } from "./support/mail";

test.beforeEach(clearRateLimits);

test("a participant registers, gets the confirmation by SMTP and manages the registration under the public address", async ({ page }) => {
  const [first, second] = await sessionIdsOf("amts-und-mandatspersonen-schuetzen");
  const email = `petra.produktion.${Date.now()}@example.org`;

  await page.goto(`/termine/${first}/anmeldung`);
  await page.getByLabel("Vorname").fill("Petra");
  await page.getByLabel("Nachname").fill("Produktion");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Kommune bzw. Institution").fill("Gemeinde Beispiel");
  await page.getByLabel("Ihre Funktion").selectOption("ADMINISTRATION");
  await page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/).check();
  await page.getByRole("button", { name: "Verbindlich anmelden" }).click();
  // The form answers neutrally (the private link comes by mail only), on the public address.
  // The action's POST and the page it redirects to are two requests through nginx: on a loaded machine (measured: 4.5 s for the POST alone) more than the default 5 s.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Bitte prüfen Sie Ihr Postfach|Ihre Anmeldung/, { timeout: 20_000 });
  expect(new URL(page.url()).origin).toBe(APP_URL);

  // The worker delivered the confirmation through the SMTP relay; its private link names the public address.
  const confirmation = await waitForMail(email, /Anmeldung bestätigt/);
  expect(`${confirmation.text}${confirmation.html || ""}`).not.toMatch(/localhost|127\.0\.0\.1|:323\d/);
  const manageUrl = linksIn(confirmation).find((link) => link.includes("/r/"));
  expect(manageUrl).toMatch(new RegExp(`^${APP_URL.replace(/\./g, "\\.")}/r/[A-Za-z0-9_-]{20,}$`));
  await page.goto(manageUrl!);
  await expect(page.getByText("Angemeldet – Ihr Platz ist bestätigt")).toBeVisible();

  // The language switch stays on the public address and on the same page: a
  // private page sends no Referer, so its form says where it was sent from.
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(page.url()).toBe(manageUrl);

  // Switching the date (in English), then back to German.
  await page.getByRole("link", { name: /^Switch to the date on .* …$/ }).click();
  expect(new URL(page.url()).origin).toBe(APP_URL);
  await page.getByRole("button", { name: "Yes, switch the date" }).click();
  await expect(page.getByText(/Your date has been switched/)).toBeVisible();
  expect(new URL(page.url()).origin).toBe(APP_URL);
  // One mail says it was a switch; its link is the one the person already has.
  const switched = await waitForMail(email, /Terminwechsel bestätigt/);
  expect(linksIn(switched)).toContain(manageUrl);
  await page.getByRole("button", { name: "Auf Deutsch wechseln" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  expect(new URL(page.url()).origin).toBe(APP_URL);

  // Cancelling, with its confirmation step.
  await page.goto(manageUrl!);
  await page.getByRole("link", { name: "Teilnahme absagen …" }).click();
  await page.getByRole("button", { name: "Ja, Teilnahme absagen" }).click();
  await expect(page.getByText("Ihre Teilnahme ist abgesagt.")).toBeVisible();
  expect(new URL(page.url()).origin).toBe(APP_URL);
  await waitForMail(email, /Absage bestätigt/);

  const stored = await withDatabase((client) =>
    client.query<{ status: string; sessionId: string }>(`SELECT status, "sessionId" FROM registrations WHERE email = $1 ORDER BY "createdAt"`, [email]),
  );
  expect(stored.rows.map((row) => [row.status, row.sessionId])).toEqual([
    ["CANCELLED", first],
    ["CANCELLED", second],
  ]);

  // The logs the operator keeps (journald) name neither the person nor the private link.
  const token = new URL(manageUrl!).pathname.split("/")[2]!;
  for (const name of [...APP_PORTS.map((port) => `instance-${port}`), "worker"]) {
    const log = readFileSync(`${WORK_DIR}/${name}.log`, "utf8");
    expect(log, name).not.toContain(email);
    expect(log, name).not.toContain(token);
  }
  const accessLog = readFileSync(`${WORK_DIR}/komma-anmeldung.access.log`, "utf8");
  expect(accessLog).toContain("GET /r/* ");
  expect(accessLog).not.toContain(token);
  expect(accessLog).not.toContain(email);
});
