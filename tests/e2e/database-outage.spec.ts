import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy";
import { resetSeedData, sessionIdOf, withDatabase } from "./support/database";

// The database goes away while people register and comes back (as in a
// restart): a second production server reaches it through a proxy that
// drops every connection and refuses new ones for a while. The same server
// process must answer 503 with Retry-After meanwhile, register again
// afterwards, and leave nothing half-written. (npm run bench does the same
// with a real PostgreSQL restart.)

const port = Number(process.env.E2E_PORT ?? 3210) + 1;
const base = `http://localhost:${port}`;
let app: ChildProcess | undefined;
let proxy: TcpProxy | undefined;
let running = false;

test.afterEach(async () => {
  running = false;
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app!.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await proxy?.close();
});

let sequence = 0;
const answers: number[] = [];
async function register(sessionId: string) {
  sequence += 1;
  const response = await fetch(`${base}/api/v1/sessions/${sessionId}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": "de", "x-forwarded-for": `10.77.${sequence >> 8}.${sequence & 255}` },
    body: JSON.stringify({
      firstName: "Petra",
      lastName: `Ausfall ${sequence}`,
      email: `ausfall.${sequence}.${Date.now()}@example.org`,
      organisation: "Gemeinde Beispiel",
      role: "ADMINISTRATION",
      consent: true,
      privacyNoticeVersion: 1,
    }),
  });
  answers.push(response.status);
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: (await response.json()) as { error?: { code: string; message: string; retryable: boolean } },
  };
}

test("registrations during a database outage get a retryable 503, and the same server registers again once it is back", async () => {
  test.setTimeout(120_000);
  await resetSeedData();
  const sessionId = await sessionIdOf("vielfaltsorientierte-verwaltung", 0);
  const database = new URL(readFileSync(".data/e2e-database-url", "utf8").trim());
  proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port || 5432) });
  app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port)], {
    stdio: "ignore",
    env: {
      ...process.env,
      DATABASE_URL: Object.assign(new URL(database), { host: `127.0.0.1:${proxy.port}` }).toString(),
      DATABASE_POOL_SIZE: "4",
      NODE_ENV: "production",
      APP_URL: base,
      AUTH_SECRET: "outage-secret-outage-secret-outage-secret",
      MAIL_DELIVERY: "mailbox",
      OUTBOX_WORKER: "off",
      TRUST_PROXY: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  await expect.poll(async () => (await fetch(`${base}/api/v1/sessions/${sessionId}`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);

  // Load from eight clients at a time, all through the outage.
  running = true;
  const load = Promise.all(
    Array.from({ length: 8 }, async () => {
      while (running) await register(sessionId);
    }),
  );
  await expect.poll(() => answers.filter((status) => status === 202).length).toBeGreaterThan(10);

  await proxy.cut();
  const whileDown = await register(sessionId);
  expect(whileDown.status).toBe(503);
  expect(whileDown.retryAfter).toBe("5");
  expect(whileDown.body.error).toMatchObject({ code: "unavailable", retryable: true });
  expect(whileDown.body.error!.message).toMatch(/vorübergehend/i);
  // Session facts may be served from the one-second cache, then no longer.
  await expect.poll(async () => (await fetch(`${base}/api/v1/sessions/${sessionId}`)).status, { timeout: 5_000 }).toBe(503);
  const answeredBeforeRestore = answers.length;

  await proxy.restore();
  await expect.poll(async () => (await register(sessionId)).status, { timeout: 15_000 }).toBe(202);
  await expect.poll(() => answers.slice(answeredBeforeRestore).filter((status) => status === 202).length).toBeGreaterThan(10);
  running = false;
  await load;

  // Only the two answers a client can act on, and the outage was seen under load.
  expect(new Set(answers)).toEqual(new Set([202, 503]));
  const created = answers.filter((status) => status === 202).length;
  const stored = await withDatabase(async (client) => {
    const { rows } = await client.query<{ registrations: number; complete: number; confirmed: number; counter: number }>(
      `SELECT count(*)::int AS registrations,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM manage_tokens t WHERE t."registrationId" = r.id)
                                 AND EXISTS (SELECT 1 FROM outbox_messages o WHERE o."registrationId" = r.id))::int AS complete,
              count(*) FILTER (WHERE r.status = 'CONFIRMED')::int AS confirmed,
              (SELECT "confirmedCount" FROM sessions WHERE id = $1) AS counter
       FROM registrations r WHERE r."sessionId" = $1`,
      [sessionId],
    );
    return rows[0]!;
  });
  // Every 202 is stored; a commit whose answer the outage swallowed may be stored without one.
  expect(stored.registrations).toBeGreaterThanOrEqual(created);
  expect(stored.complete).toBe(stored.registrations);
  expect(stored.counter).toBe(stored.confirmed);
});
