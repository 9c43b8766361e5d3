import { defineConfig, devices } from "@playwright/test";
import { APP_URL, HOST } from "./tests/e2e-production/support/deployment";

// The reference deployment end to end (docs/decisions/0018): the production
// build behind Debian's nginx with TLS under a real-looking host name, two app
// instances and a worker, started by tests/e2e-production/support/global-setup.ts.
// `npm run test:e2e` runs it after the ordinary suite, on the same build.
export default defineConfig({
  testDir: "tests/e2e-production",
  globalSetup: "./tests/e2e-production/support/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  reporter: [["list"]],
  use: {
    baseURL: APP_URL,
    locale: "de-DE",
    timezoneId: "Europe/Berlin",
    // The certificate is the test's own; Chromium has no way to trust it here.
    ignoreHTTPSErrors: true,
    trace: "retain-on-failure",
    actionTimeout: 15_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
});
