import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { resetSeedData, sessionIdOf, withDatabase } from "./support/database";
import { mailLink, openMail, openManageLinkFromMail } from "./support/mailbox";
import { followSignInLink, requestSignInLink } from "./support/sign-in";

// Each test starts from the seeded programme, whatever earlier tests did.
test.beforeEach(resetSeedData);

const W1 = "vielfaltsorientierte-verwaltung";
const ADMIN = "admin@komma.example.org";

async function setProcedure(settings: { doubleOptIn: boolean; requiresApproval: boolean }) {
  await withDatabase((client) =>
    client.query(`UPDATE workshops SET "doubleOptIn" = $1, "requiresApproval" = $2 WHERE slug = $3`, [settings.doubleOptIn, settings.requiresApproval, W1]),
  );
  // Session data for submissions is shared for two seconds per process (lib/registrations/queries.ts).
  await new Promise((resolve) => setTimeout(resolve, 2_100));
}

async function register(page: Page, email: string) {
  await page.goto(`/termine/${await sessionIdOf(W1, 0)}/anmeldung`);
  await page.getByLabel("Vorname").fill("Dora");
  await page.getByLabel("Nachname").fill("Doppelt");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Kommune bzw. Institution").fill("Gemeinde Beispiel");
  await page.getByLabel("Ihre Funktion").selectOption("CIVIL_SOCIETY");
  await page.getByLabel(/Ich habe die Datenschutzhinweise gelesen/).check();
  await page.getByRole("button", { name: "Verbindlich anmelden" }).click();
}

test("double opt-in: the seat is held until the person confirms the link from the first email, which only that email carries", async ({ page }) => {
  await setProcedure({ doubleOptIn: true, requiresApproval: false });
  await register(page, "dora.optin@example.org");
  await expect(page.getByRole("heading", { level: 1, name: "Bitte prüfen Sie Ihr Postfach" })).toBeVisible();

  await openMail(page, "dora.optin@example.org", /Bitte bestätigen Sie Ihre Anmeldung/);
  await expect(page.locator(".mailbox-text a", { hasText: "/r/" })).toHaveCount(0);
  const confirmPath = await mailLink(page, "/bestaetigen/");
  expect(confirmPath).toMatch(/^\/bestaetigen\/[A-Za-z0-9_-]{43}$/);
  await page.goto(confirmPath);
  // Opening the link alone (as a mail scanner would) confirms nothing.
  expect((await withDatabase((client) => client.query(`SELECT status FROM registrations WHERE email = 'dora.optin@example.org'`))).rows[0].status).toBe(
    "PENDING",
  );
  await page.getByRole("button", { name: "Anmeldung jetzt bestätigen" }).click();
  await expect(page.getByText("Danke, Ihre E-Mail-Adresse ist bestätigt.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Anmeldung jetzt bestätigen" })).toHaveCount(0);
  expect((await withDatabase((client) => client.query(`SELECT status FROM registrations WHERE email = 'dora.optin@example.org'`))).rows[0].status).toBe(
    "CONFIRMED",
  );

  await openMail(page, "dora.optin@example.org", /Anmeldung bestätigt/);
  await expect(page.getByText(/einladung\.ics/)).toBeVisible();
  await page.goto(await mailLink(page, "/r/"));
  await expect(page.getByText("Angemeldet – Ihr Platz ist bestätigt")).toBeVisible();
});

test("double opt-in: the manage page offers no confirmation", async ({ page }) => {
  await setProcedure({ doubleOptIn: true, requiresApproval: false });
  await register(page, "dora.ohne@example.org");
  await expect(page.getByRole("heading", { level: 1, name: "Bitte prüfen Sie Ihr Postfach" })).toBeVisible();
  // Even with a valid manage link for the pending registration (which no email carries) nothing can be confirmed.
  const token = randomBytes(32).toString("base64url");
  await withDatabase((client) =>
    client.query(`INSERT INTO manage_tokens (hash, "registrationId") SELECT $1, id FROM registrations WHERE email = 'dora.ohne@example.org'`, [
      createHash("sha256").update(token).digest("hex"),
    ]),
  );
  await page.goto(`/r/${token}`);
  await expect(page.getByText("Noch nicht bestätigt – bitte bestätigen Sie Ihre E-Mail-Adresse")).toBeVisible();
  await expect(page.getByRole("button", { name: "Anmeldung jetzt bestätigen" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Anmeldung jetzt bestätigen" })).toHaveCount(0);
  const sub = await page.request.get(`/r/${token}/bestaetigen`);
  expect(sub.status()).toBe(404);
});

test("approval: the registration waits until an organiser accepts it", async ({ page }) => {
  await setProcedure({ doubleOptIn: false, requiresApproval: true });
  await register(page, "dora.approval@example.org");
  await expect(page.getByRole("heading", { level: 1, name: "Bitte prüfen Sie Ihr Postfach" })).toBeVisible();
  await openManageLinkFromMail(page, "dora.approval@example.org", /Anmeldung eingegangen/);
  await expect(page.getByText("Eingegangen – wird von den Veranstaltenden geprüft")).toBeVisible();

  // An administrator signs in with the link from the mailbox and accepts it in the attendee list.
  await requestSignInLink(page, ADMIN);
  await followSignInLink(page, ADMIN);
  await page.goto(`/organisation/termine/${await sessionIdOf(W1, 0)}`);
  await expect(page.getByText("wartet auf Freigabe")).toBeVisible();
  await page.getByRole("button", { name: /^Annehmen/ }).click();
  await expect(page.getByText("Die Anmeldung ist angenommen; die Person wurde informiert.")).toBeVisible();

  await openMail(page, "dora.approval@example.org", /Anmeldung angenommen/);
  await expect(page.getByText(/einladung\.ics/)).toBeVisible();
});
