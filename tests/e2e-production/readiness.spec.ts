import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { direct, viaNginx } from "./support/client";
import { APP_PORTS, readState, WORK_DIR } from "./support/deployment";
import { waitUntilReady } from "./support/processes";

// The app reaches PostgreSQL through a proxy (support/database-proxy.ts):
// cutting it makes the database unreachable for the app, as a PostgreSQL
// restart or a network fault would, without stopping the shared server.
const cutDatabase = () => process.kill(readState().pids.databaseProxy!, "SIGUSR2");
const restoreDatabase = () => process.kill(readState().pids.databaseProxy!, "SIGHUP");

test("/readyz turns 503 while PostgreSQL is unreachable and 200 once it is back; /healthz stays 200; neither is logged by nginx", async () => {
  test.setTimeout(120_000);
  for (const port of APP_PORTS) expect((await direct(port, "/readyz")).status).toBe(200);
  expect((await viaNginx("/readyz")).status).toBe(200);
  try {
    cutDatabase();
    for (const port of APP_PORTS) {
      await expect.poll(async () => (await direct(port, "/readyz")).status, { timeout: 20_000 }).toBe(503);
      expect((await direct(port, "/healthz")).status).toBe(200);
    }
    // nginx passes the app's answer on (it does not retry a 503 on the other instance).
    const unready = await viaNginx("/readyz");
    expect(unready.status).toBe(503);
    expect(unready.body).not.toMatch(/@|postgres(ql)?:\/\//i);
  } finally {
    restoreDatabase();
  }
  await Promise.all(APP_PORTS.map((port) => waitUntilReady(port, 30_000)));
  await expect.poll(async () => (await viaNginx("/readyz")).status, { timeout: 15_000 }).toBe(200);
  expect((await viaNginx("/healthz")).status).toBe(200);

  expect((await viaNginx("/impressum")).status).toBe(200);
  const accessLog = readFileSync(`${WORK_DIR}/komma-anmeldung.access.log`, "utf8");
  expect(accessLog).toContain("GET /impressum ");
  expect(accessLog).not.toMatch(/\/(healthz|readyz)/);
});
