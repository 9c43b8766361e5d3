import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";

// Every email as a mail client shows it: rendered in Chromium at a phone's
// width and at a desktop's, nothing may stick out sideways and the text column
// stays readable (at most 600px, centred) on a wide screen.
type RenderedCase = { name: string; locale: string; html: string };
const rendered: RenderedCase[] = JSON.parse(
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/helpers/render-email-cases.ts"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  }),
);

test("has every sample message in both languages to look at", () => {
  expect(new Set(rendered.map((entry) => entry.name)).size).toBeGreaterThanOrEqual(15);
  expect(rendered.filter((entry) => entry.locale === "en")).toHaveLength(rendered.length / 2);
});

for (const width of [375, 800]) {
  test.describe(`emails at ${width}px`, () => {
    test.use({ viewport: { width, height: 900 } });

    for (const { name, locale, html } of rendered) {
      test(`${name} (${locale}) fits without scrolling sideways`, async ({ page }) => {
        await page.setContent(html);
        const layout = await page.evaluate(() => {
          const heading = document.querySelector("h1")!.getBoundingClientRect();
          return {
            scrollWidth: document.documentElement.scrollWidth,
            clientWidth: document.documentElement.clientWidth,
            headingWidth: heading.width,
            headingLeft: heading.left,
          };
        });
        expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
        expect(layout.headingWidth).toBeLessThanOrEqual(600);
        expect(layout.headingLeft).toBeGreaterThanOrEqual(0);
        // Centred on a wide screen, not glued to the left edge.
        if (width === 800) expect(layout.headingLeft).toBeGreaterThan(50);
      });
    }
  });
}
