// Signing in the way a person does: ask for a link, open the mail in the
// built-in mailbox, follow the link to /anmelden/link and press
// "Jetzt anmelden" (the link alone signs nobody in: docs/decisions/0013).
import { createHash } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { withDatabase } from "./database";
import { openMail } from "./mailbox";

// The e2e server makes this address the first administrator (ADMIN_EMAILS).
export const ADMIN = "admin@komma.example.org";

/** Asks for a sign-in link: /organisation sends an anonymous visitor to /anmelden. */
export async function requestSignInLink(page: Page, email = ADMIN): Promise<void> {
  await forgetSignInRequests(email);
  await page.goto("/organisation");
  await expect(page).toHaveURL(/\/anmelden\?/);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByRole("button", { name: "Anmeldelink anfordern" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bitte prüfen Sie Ihr Postfach");
}

/**
 * Each test's sign-in starts with the address's full allowance of links (five
 * per 15 minutes), whatever earlier tests asked for: otherwise a spec that
 * signs in often would follow an old, spent link. The limit itself is tested
 * in tests/integration/rate-limits.test.ts.
 */
async function forgetSignInRequests(email: string): Promise<void> {
  const key = `signin:email:${createHash("sha256").update(email.trim().toLowerCase()).digest("base64url")}`;
  await withDatabase((client) => client.query(`DELETE FROM rate_limits WHERE key = $1`, [key]));
}

/** Opens the newest mail to `email` with `subject` (it is written just after the answer) and signs in through its link. */
export async function followSignInLink(page: Page, email = ADMIN, subject = /Anmeldelink/): Promise<void> {
  await openMail(page, email, subject);
  await page.locator(".mailbox-text a", { hasText: "/anmelden/link" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anmelden");
  await page.getByRole("button", { name: "Jetzt anmelden" }).click();
}

export async function signIn(page: Page, email = ADMIN): Promise<void> {
  await requestSignInLink(page, email);
  await followSignInLink(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Übersicht");
}

/** The link in the newest sign-in mail to `email`, read from the outbox as a mail scanner would get it. */
export async function newestSignInLink(email: string): Promise<string> {
  let link: string | undefined;
  await expect(async () => {
    const { rows } = await withDatabase((client) =>
      client.query<{ text: string }>(`SELECT text FROM outbox_messages WHERE "toAddress" = $1 AND kind = 'sign-in-link' ORDER BY "createdAt" DESC LIMIT 1`, [
        email,
      ]),
    );
    link = rows[0]?.text.match(/https?:\/\/\S+\/anmelden\/link\?\S+/)?.[0];
    expect(link).toBeTruthy();
  }).toPass({ timeout: 20_000 });
  return link!;
}

/**
 * A fresh organiser with no workshops, for tests that sign in often: every
 * address may ask for five links per 15 minutes, and the other specs use
 * ADMIN's share.
 */
export async function newOrganiser(label: string): Promise<string> {
  const email = `${label}-${Date.now().toString(36)}@example.org`;
  await withDatabase((client) => client.query(`INSERT INTO users (id, email, role, "updatedAt") VALUES (gen_random_uuid(), $1, 'ORGANISER', now())`, [email]));
  return email;
}
