import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { expect, test } from "@playwright/test";
import { withDatabase } from "./support/database";

// The launcher (scripts/start.ts) as production runs it: client addresses
// from the socket or a trusted proxy only, redirects and cookies that follow
// APP_URL, health checks and the request log. The shared e2e server runs with
// TRUST_PROXY off; a second launcher on a free port plays the app behind a
// trusted proxy on https://anmeldung.komma.test.

const base = `http://localhost:${Number(process.env.E2E_PORT ?? 3210)}`;
const rateLimited = "Zu viele Aufrufe in kurzer Zeit";

const wrongManageLink = () => `/r/${randomBytes(32).toString("base64url")}`;
const randomAddress = () => `198.51.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

async function clearRateLimits() {
  await withDatabase((client) => client.query(`DELETE FROM rate_limits`));
}

/** Opens 65 wrong manage links (the limit is 60 per 10 minutes per client), each with the X-Forwarded-For given. */
async function openWrongManageLinks(origin: string, forwardedFor: () => string): Promise<boolean[]> {
  const limited: boolean[] = [];
  for (let index = 0; index < 65; index++) {
    const response = await fetch(`${origin}${wrongManageLink()}`, { headers: { "x-forwarded-for": forwardedFor(), "accept-language": "de" } });
    limited.push((await response.text()).includes(rateLimited));
  }
  return limited;
}

test.beforeEach(clearRateLimits);
test.afterAll(clearRateLimits);

test("a client that sends its own X-Forwarded-For gains nothing against the rate limits (TRUST_PROXY off)", async () => {
  test.setTimeout(120_000);
  const limited = await openWrongManageLinks(base, randomAddress);
  expect(limited.slice(0, 60)).not.toContain(true);
  expect(limited.slice(60)).toEqual([true, true, true, true, true]);
});

test("health: /healthz is alive, /readyz ready with the outbox backlog, neither cached", async () => {
  const live = await fetch(`${base}/healthz`);
  expect(live.status).toBe(200);
  expect(live.headers.get("cache-control")).toContain("no-store");
  expect(await live.json()).toEqual({ status: "ok" });

  const ready = await fetch(`${base}/readyz`);
  expect(ready.status).toBe(200);
  expect(ready.headers.get("cache-control")).toContain("no-store");
  const body = (await ready.json()) as { status: string; outbox: { pending: number; oldestPendingSeconds: number | null } };
  expect(body.status).toBe("ready");
  expect(typeof body.outbox.pending).toBe("number");
  expect(JSON.stringify(body)).not.toContain("@");
});

test("the language switch goes back to a path on this site, and to / for a Referer that is no address", async () => {
  const post = (referer: string) =>
    fetch(`${base}/sprache`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", referer },
      body: "locale=en",
    });
  const bad = await post("notaurl");
  expect(bad.status).toBe(303);
  expect(bad.headers.get("location")).toBe("/");
  const good = await post(`${base}/workshops/x?termin=1`);
  expect(good.headers.get("location")).toBe("/workshops/x?termin=1");
  // APP_URL is http here: no Secure flag (the browser would drop the cookie), no HSTS.
  expect(good.headers.get("set-cookie")).toMatch(/^locale=en;/);
  expect(good.headers.get("set-cookie")).not.toMatch(/secure/i);
  expect(good.headers.get("strict-transport-security")).toBeNull();
});

test("every response carries a request id: a sane one from the proxy is kept, anything else replaced", async () => {
  const kept = await fetch(`${base}/healthz`, { headers: { "x-request-id": "proxy-7f9c2ba4e88f827d" } });
  expect(kept.headers.get("x-request-id")).toBe("proxy-7f9c2ba4e88f827d");
  const replaced = await fetch(`${base}/healthz`, { headers: { "x-request-id": "<script>" } });
  expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
});

test.describe("behind a trusted proxy on https (a second launcher, TRUST_PROXY=1)", () => {
  const appUrl = "https://anmeldung.komma.test";
  let app: ChildProcess | undefined;
  let origin = "";
  const logLines: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    app = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts", "start"], {
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: "0",
        HOSTNAME: "127.0.0.1",
        DATABASE_URL: readFileSync(".data/e2e-database-url", "utf8").trim(),
        DATABASE_POOL_SIZE: "2",
        APP_URL: appUrl,
        AUTH_SECRET: "proxy-secret-proxy-secret-proxy-secret-proxy",
        MAIL_DELIVERY: "mailbox",
        OUTBOX_WORKER: "off",
        TRUST_PROXY: "1",
        LOG_LEVEL: "info",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    const lines = createInterface({ input: app.stdout! });
    const port = await new Promise<number>((resolve, reject) => {
      app!.once("exit", (code) => reject(new Error(`launcher exited with ${code}`)));
      lines.on("line", (line) => {
        logLines.push(line);
        if (line.includes('"server.listening"')) resolve((JSON.parse(line) as { port: number }).port);
      });
    });
    origin = `http://127.0.0.1:${port}`;
  });

  test.afterAll(async () => {
    if (app && app.exitCode === null) {
      const exited = new Promise((resolve) => app!.once("exit", resolve));
      app.kill("SIGTERM");
      await exited;
    }
  });

  test("the client is the entry the proxy appended; what the client wrote before it counts for nothing", async () => {
    test.setTimeout(120_000);
    // One client that varies its own X-Forwarded-For; the proxy appends its real address each time.
    const spoofing = await openWrongManageLinks(origin, () => `${randomAddress()}, 203.0.113.9`);
    expect(spoofing.slice(0, 60)).not.toContain(true);
    expect(spoofing.slice(60)).toEqual([true, true, true, true, true]);

    // Different clients, as the proxy reports them, each have their own allowance.
    await clearRateLimits();
    expect(await openWrongManageLinks(origin, randomAddress)).not.toContain(true);
  });

  test("redirects name APP_URL or a path, never the Host the request came with; cookies are Secure; HSTS is sent", async () => {
    const organisation = await fetch(`${origin}/organisation`, { redirect: "manual", headers: { host: "evil.example", "x-forwarded-proto": "https" } });
    expect(organisation.status).toBe(307);
    expect(organisation.headers.get("location")).toBe(`${appUrl}/anmelden?callbackUrl=%2Forganisation`);
    expect(organisation.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    // Also on what proxy.ts never sees: the JSON API and static files.
    const api = await fetch(`${origin}/api/v1/sessions/00000000-0000-4000-8000-000000000000`);
    expect(api.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);

    const locale = await fetch(`${origin}/sprache`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", host: "evil.example", referer: `${appUrl}/workshops/x` },
      body: "locale=en",
    });
    expect(locale.headers.get("location")).toBe("/workshops/x");
    expect(locale.headers.get("set-cookie")).toMatch(/;\s*secure/i);

    // next-auth's own cookies follow APP_URL too, though the proxy speaks http to the app.
    const csrf = await fetch(`${origin}/api/auth/csrf`);
    expect(csrf.headers.get("set-cookie")).toMatch(/^__Host-next-auth\.csrf-token=[^;]+;.*secure/i);
  });

  test("the request log has one JSON line per request, with masked paths and no query, address or token", async () => {
    const token = randomBytes(32).toString("base64url");
    await fetch(`${origin}/r/${token}/absagen?x=secret-query`, { headers: { "x-forwarded-for": "192.0.2.44", "x-request-id": "log-check-0001" } });
    await expect.poll(() => logLines.find((line) => line.includes("log-check-0001")), { timeout: 5_000 }).toBeTruthy();
    const line = JSON.parse(logLines.find((entry) => entry.includes("log-check-0001"))!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "info", event: "http.request", requestId: "log-check-0001", method: "GET", path: "/r/:token/absagen", status: 200 });
    expect(typeof line.time).toBe("string");
    expect(typeof line.durationMs).toBe("number");
    const everything = logLines.join("\n");
    expect(everything).not.toContain(token);
    expect(everything).not.toContain("secret-query");
    expect(everything).not.toContain("192.0.2.44");
    expect(everything).not.toContain("203.0.113.9");
  });
});
