import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { viaNginx } from "./support/client";
import { clearRateLimits } from "./support/database";
import { ADMIN, APP_URL } from "./support/deployment";
import { linksIn, waitForMail } from "./support/mail";

test.beforeEach(clearRateLimits);

test("an organiser signs in with a link that a mail scanner opened first, and exports", async ({ page, context }) => {
  await page.goto("/organisation");
  await expect(page).toHaveURL(new RegExp(`^${APP_URL.replace(/\./g, "\\.")}/anmelden\\?`));
  await page.getByLabel("E-Mail-Adresse").fill(ADMIN);
  await page.getByRole("button", { name: "Anmeldelink anfordern" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bitte prüfen Sie Ihr Postfach");

  const mail = await waitForMail(ADMIN, /Anmeldelink/);
  const link = linksIn(mail).find((candidate) => candidate.startsWith(`${APP_URL}/`) && /anmelden\/link|auth\/callback/.test(candidate));
  expect(link, mail.text).toBeDefined();

  // A mail gateway (Safe Links, Defender) fetches the link first, following redirects, without cookies.
  let target = new URL(link!);
  for (let hop = 0; hop < 5; hop++) {
    const scanned = await viaNginx(`${target.pathname}${target.search}`, { headers: { "user-agent": "Mozilla/5.0 (compatible; link scanner)" } });
    expect(scanned.status).toBeLessThan(500);
    const location = scanned.headers.location;
    if (scanned.status < 300 || scanned.status >= 400 || typeof location !== "string") break;
    target = new URL(location, target);
    if (target.origin !== APP_URL) break;
  }

  // The person opens it afterwards and is still able to sign in, with one button.
  await page.goto(link!);
  await page.getByRole("button", { name: "Jetzt anmelden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Übersicht");
  expect(new URL(page.url()).origin).toBe(APP_URL);
  // Behind TLS termination the session cookie is still a Secure one.
  const session = (await context.cookies()).find((cookie) => cookie.name.includes("session-token"));
  expect(session).toMatchObject({ secure: true, httpOnly: true });

  await page.goto("/organisation/export");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anmeldungen exportieren");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "CSV (Semikolon, für Excel auf Deutsch)" }).click();
  const csv = await download;
  expect(csv.suggestedFilename()).toMatch(/^anmeldungen_alle_semikolon_\d{4}-\d{2}-\d{2}_\d{4}\.csv$/);
  const bytes = await readFile((await csv.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain(";");
});
