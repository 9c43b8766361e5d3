import { expect, type Page } from "@playwright/test";

/** Opens the newest message to the address in the built-in mailbox, as a person trying the app would. */
export async function openMail(page: Page, to: string, subject: RegExp): Promise<void> {
  await expect(async () => {
    await page.goto("/postfach");
    await page.getByRole("row").filter({ hasText: to }).getByRole("link", { name: subject }).first().click({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

/**
 * The path of the first link in the open message whose address contains
 * `contains` (e.g. "/r/" for the manage link): links to the person's own
 * pages only ever arrive by email (docs/decisions/0014).
 */
export async function mailLink(page: Page, contains: string): Promise<string> {
  const href = await page.locator(".mailbox-text a", { hasText: contains }).first().getAttribute("href");
  if (!href) throw new Error(`no link containing ${contains} in the open message`);
  return new URL(href).pathname;
}

/** Opens the newest message to the address and follows its manage link. */
export async function openManageLinkFromMail(page: Page, to: string, subject: RegExp): Promise<string> {
  await openMail(page, to, subject);
  const path = await mailLink(page, "/r/");
  await page.goto(path);
  return path;
}
