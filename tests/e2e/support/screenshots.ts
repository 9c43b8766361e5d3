// Pictures to look at, not assertions: set EVALUATION_SCREENSHOTS=<dir> to keep
// full-page screenshots at desktop and phone widths.
import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";

const screenshots = process.env.EVALUATION_SCREENSHOTS;

/** Saves `<dir>/<name>-1280.png` and `<dir>/<name>-375.png` when a directory is set; then back to the default viewport. */
export async function picture(page: Page, name: string) {
  if (!screenshots) return;
  mkdirSync(screenshots, { recursive: true });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${screenshots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}
