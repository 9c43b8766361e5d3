import { expect, type Page } from "@playwright/test";

/** Opens the newest message to the address in the built-in mailbox, as a person trying the app would. */
export async function openMail(page: Page, to: string, subject: RegExp): Promise<void> {
  await expect(async () => {
    await page.goto("/mailbox");
    await page.getByRole("row").filter({ hasText: to }).getByRole("link", { name: subject }).first().click({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}
