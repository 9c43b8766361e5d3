import { expect, test } from "@playwright/test";
import { direct, viaNginx } from "./support/client";
import { APP_URL, HOST, HTTP_PORT } from "./support/deployment";

// The shipped nginx site (deploy/nginx/komma-anmeldung.conf) as clients meet it.
test.describe("the nginx site", () => {
  test("redirects plain HTTP to the HTTPS address", async () => {
    const answer = await direct(HTTP_PORT, "/workshops?from=http", { headers: { host: `${HOST}:${HTTP_PORT}` } });
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe(`${APP_URL}/workshops?from=http`);
  });

  test("speaks HTTP/2 with TLS to the browser and sends HSTS exactly once", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    expect(await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).nextHopProtocol)).toBe("h2");
    expect(await response!.headerValue("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect((await viaNginx("/")).headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  });

  test("compresses pages and caches the built assets for a year, and nothing else", async () => {
    const page = await viaNginx("/", { headers: { "accept-encoding": "gzip" } });
    expect(page.headers["content-encoding"]).toBe("gzip");
    expect(String(page.headers["cache-control"] ?? "")).not.toMatch(/max-age=[1-9]/);
    const html = (await viaNginx("/")).body;
    const asset = html.match(/\/_next\/static\/[^"']+\.(?:js|css)/)?.[0];
    expect(asset).toBeDefined();
    const answer = await viaNginx(asset!, { headers: { "accept-encoding": "gzip" } });
    expect(answer.status).toBe(200);
    expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  });

  test("refuses a body larger than the app would take before it reaches an instance", async () => {
    const answer = await viaNginx("/api/v1/sessions/00000000-0000-0000-0000-000000000000/registrations", {
      method: "POST",
      // Announced, not sent: nginx answers from the Content-Length alone.
      headers: { "content-type": "application/json", "content-length": String(31 * 1024 * 1024) },
      body: "{}",
    });
    expect(answer.status).toBe(413);
  });
});
