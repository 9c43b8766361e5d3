// npm run bench:lighthouse: Lighthouse (mobile, its default) on the public
// pages a participant sees and the organiser sign-in, against the production
// build served by the launcher on a fresh database, with Debian's Chromium.
// Prints performance, blocking time, script bytes, console errors (a CSP
// violation is one) and whether the page may enter the back/forward cache;
// writes bench-results/lighthouse-<time>.json.
//
// Each page runs LIGHTHOUSE_RUNS times (3); the table shows the run with the
// median performance score, as Lighthouse's own guidance advises for noisy
// machines.
//
// BENCH_DATABASE_URL  a server on which a fresh database is created (local)
// BENCH_PORT          the app's port (3300)
// CHROME_PATH         the browser (/usr/bin/chromium)
import "./load-env";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import pg from "pg";
import { migrateDatabase } from "../lib/database/migrate";

const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const port = Number(process.env.BENCH_PORT ?? 3300);
const origin = `http://localhost:${port}`;
const chrome = process.env.CHROME_PATH ?? "/usr/bin/chromium";

async function query<T>(sql: string, url: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

if (!existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
const databaseName = `komma_lighthouse_${Date.now()}`;
await query(`CREATE DATABASE "${databaseName}"`, server);
const databaseUrl = Object.assign(new URL(server), { pathname: `/${databaseName}` }).toString();
process.env.DATABASE_URL = databaseUrl;
process.env.DATABASE_POOL_SIZE = "2";
let app: ChildProcess | undefined;
const results: Record<string, Record<string, number | string | boolean>> = {};

try {
  await migrateDatabase(databaseUrl);
  const { db, disconnectDb } = await import("../lib/db");
  const { seedKomma } = await import("../lib/seed/seed-komma");
  await seedKomma(db, { dates: "upcoming" });
  await disconnectDb();

  app = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts", "start"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      APP_URL: origin,
      NODE_ENV: "production",
      AUTH_SECRET: "lighthouse-secret-lighthouse-secret-lighthouse",
      MAIL_DELIVERY: "mailbox",
      OUTBOX_WORKER: "off",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  for (
    let attempt = 0;
    !(await fetch(`${origin}/readyz`).then(
      (answer) => answer.ok,
      () => false,
    ));
    attempt++
  ) {
    if (attempt > 240 || app.exitCode !== null) throw new Error("the launcher did not come up");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  const [first] = await query<{ id: string; slug: string }>(
    `SELECT s.id, w.slug FROM sessions s JOIN workshops w ON w.id = s."workshopId" WHERE w.published ORDER BY s."startsAt" LIMIT 1`,
    databaseUrl,
  );
  // A manage page needs a registration; its link travels only in the queued email.
  const registered = await fetch(`${origin}/api/v1/sessions/${first!.id}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      firstName: "Erika",
      lastName: "Mustermann",
      email: "erika.lighthouse@example.org",
      organisation: "Stadt Musterhausen",
      role: "ADMINISTRATION",
      consent: true,
      privacyNoticeVersion: 1,
    }),
  });
  if (registered.status !== 202) throw new Error(`registration for the manage page failed: ${registered.status}`);
  const [mail] = await query<{ manageUrl: string }>(`SELECT template->>'manageUrl' AS "manageUrl" FROM outbox_messages LIMIT 1`, databaseUrl);

  const pages = [
    ["programme", "/"],
    ["workshop", `/workshops/${first!.slug}`],
    ["registration", `/termine/${first!.id}/anmeldung`],
    ["manage", new URL(mail!.manageUrl).pathname],
    ["sign-in", "/anmelden"],
  ] as const;
  mkdirSync("bench-results/lighthouse", { recursive: true });
  const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
  type Audit = { score: number | null; numericValue?: number; details?: { items?: Record<string, unknown>[] } };
  type Report = { categories: Record<string, { score: number }>; audits: Record<string, Audit> };
  for (const [name, path] of pages) {
    console.log(`Lighthouse: ${name} (${runs}×) …`);
    const reports: Report[] = [];
    for (let round = 0; round < runs; round++) {
      const output = `bench-results/lighthouse/${name}-${round + 1}.json`;
      rmSync(output, { force: true });
      const run = spawnSync(
        process.execPath,
        [
          "node_modules/lighthouse/cli/index.js",
          origin + path,
          "--quiet",
          "--output=json",
          `--output-path=${output}`,
          "--only-categories=performance,best-practices",
          "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run",
        ],
        { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, CHROME_PATH: chrome } },
      );
      if (run.status !== 0 || !existsSync(output)) throw new Error(`lighthouse failed on ${path}`);
      reports.push(JSON.parse(readFileSync(output, "utf8")) as Report);
    }
    const scoreOf = (report: Report) => report.categories.performance!.score;
    const report = [...reports].sort((a, b) => scoreOf(a) - scoreOf(b))[Math.floor(reports.length / 2)]!;
    const scripts = report.audits["resource-summary"]?.details?.items?.find((item) => item.resourceType === "script");
    results[name] = {
      path: path.replace(/^\/r\/.*/, "/r/<token>"),
      performance: Math.round(scoreOf(report) * 100),
      "all runs": reports.map((each) => Math.round(scoreOf(each) * 100)).join(" "),
      "blocking ms": Math.round(report.audits["total-blocking-time"]?.numericValue ?? NaN),
      "LCP ms": Math.round(report.audits["largest-contentful-paint"]?.numericValue ?? NaN),
      "script KiB": Math.round(Number(scripts?.transferSize ?? 0) / 1024),
      "console errors": report.audits["errors-in-console"]?.details?.items?.length ?? 0,
      "back/forward cache": report.audits["bf-cache"]?.score === 1,
    };
  }
} finally {
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app!.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`, server);
}

console.table(results);
const file = `bench-results/lighthouse-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
console.log(`Written to ${file}`);
process.exit(0);
