// npm run bench: registration rush (through the API and as browsers without
// JavaScript post the form; the form post alone) against PostgreSQL's own ceiling (pgbench),
// spread load, the public pages against the session API, two app instances, outbox delivery, the 100,000-row export and
// a PostgreSQL restart under load. Prints a table and writes
// bench-results/bench-<time>.json.
//
// BENCH_DATABASE_URL  a server on which a fresh database is created (local)
// BENCH_CLIENTS       concurrent clients (200)
// BENCH_CAPACITY      seats of the rush session (1000)
// BENCH_POOL          database connections per app instance (20)
// BENCH_PORT          first app port (3300; the second instance uses +1)
// BENCH_ROUNDS        rush/ceiling pairs, alternating; medians are reported (3)
// BENCH_ONLY          comma-separated scenarios: rush,spread,pages,instances,outbox,export,dashboard,restart
// BENCH_PROFILE=1     CPU profile of the (first) app server to bench-results/profiles/
//
// "restart" stops and starts the local PostgreSQL cluster (pg_ctlcluster); it
// is skipped when BENCH_DATABASE_URL points elsewhere or the tool is missing.
import "./load-env";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import autocannon from "autocannon";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { migrateDatabase } from "../lib/database/migrate";

const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const clients = Number(process.env.BENCH_CLIENTS ?? 200);
const capacity = Number(process.env.BENCH_CAPACITY ?? 1000);
const pool = Number(process.env.BENCH_POOL ?? 20);
const port = Number(process.env.BENCH_PORT ?? 3300);
const smtpPort = port + 10;
const requests = Math.round(capacity * 1.2);
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const scenarios = new Set((process.env.BENCH_ONLY ?? "rush,spread,pages,instances,outbox,export,dashboard,restart").split(",").map((name) => name.trim()));
const profile = process.env.BENCH_PROFILE === "1";
const results: Record<string, Record<string, number | string | boolean>> = {};
// Results, the pgbench script and CPU profiles go here; a fresh clone has no such folder yet.
mkdirSync("bench-results", { recursive: true });

type Row = Record<string, unknown>;
async function query<T = Row>(sql: string, url = server, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const databaseName = `komma_bench_${Date.now()}`;
await query(`CREATE DATABASE "${databaseName}"`);
const databaseUrl = Object.assign(new URL(server), { pathname: `/${databaseName}` }).toString();
process.env.DATABASE_URL = databaseUrl;
// This process only arranges data; each app instance gets BENCH_POOL connections.
process.env.DATABASE_POOL_SIZE = "4";
process.env.APP_URL = `http://localhost:${port}`;
const apps = new Set<ChildProcess>();

// A local SMTP server that counts each Message-ID it accepts.
const received = new Map<string, number>();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    let head = "";
    stream.on("data", (chunk: Buffer) => {
      if (head.length < 4096) head += chunk.toString("utf8");
    });
    stream.on("end", () => {
      const messageId = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? randomUUID();
      received.set(messageId, (received.get(messageId) ?? 0) + 1);
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));

async function startApp(appPort: number, extraEnv: Record<string, string> = {}, withProfile = false): Promise<ChildProcess> {
  const profileFlags = withProfile ? ["--cpu-prof", "--cpu-prof-dir", "bench-results/profiles"] : [];
  // Through the launcher, as in production: its HTTP server, the client
  // addresses it passes on and the public page cache are part of what is measured.
  const child = spawn(process.execPath, [...profileFlags, "--conditions=react-server", "--import", "tsx", "scripts/start.ts", "start"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(appPort),
      HOSTNAME: "127.0.0.1",
      APP_URL: `http://localhost:${appPort}`,
      DATABASE_POOL_SIZE: String(pool),
      NODE_ENV: "production",
      TRUST_PROXY: "true",
      OUTBOX_WORKER: "off",
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret",
      MAIL_DELIVERY: "mailbox",
      NEXT_TELEMETRY_DISABLED: "1",
      ...extraEnv,
    },
  });
  apps.add(child);
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`http://localhost:${appPort}/api/v1/sessions/00000000-0000-4000-8000-000000000000`)).status === 404) return child;
    } catch {
      if (attempt > 120 || child.exitCode !== null) throw new Error("the launcher (scripts/start.ts start) did not come up");
    }
    await sleep(500);
  }
}

async function stopApp(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
  apps.delete(child);
}

async function cleanUp() {
  await Promise.all([...apps].map(stopApp));
  smtp.close();
  const { disconnectDb } = await import("../lib/db");
  await disconnectDb();
  await query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
}

let sequence = 0;
function registrationBody(): string {
  sequence += 1;
  return JSON.stringify({
    firstName: "Bench",
    lastName: `Person ${sequence}`,
    email: `bench.${sequence}.${randomUUID().slice(0, 6)}@example.org`,
    organisation: "Gemeinde Last",
    role: "ADMINISTRATION",
    consent: true,
    privacyNoticeVersion: 1,
  });
}

type Load = {
  ports: number[];
  sessionFor: (index: number) => string;
  amount?: number;
  duration?: number;
  connections?: number;
  ip?: (index: number) => string;
};
type LoadResult = { sent: number; ok: number; seconds: number; p50: number; p95: number; p99: number; errors: number; statuses: Record<string, number> };

/** Registration requests through the API, split evenly over the given app instances. */
async function registrationLoad({ ports, sessionFor, amount, duration, connections = clients, ip }: Load): Promise<LoadResult> {
  let index = 0;
  const statuses: Record<string, number> = {};
  const runs = await Promise.all(
    ports.map((appPort) =>
      autocannon({
        url: `http://localhost:${appPort}`,
        connections: Math.ceil(connections / ports.length),
        ...(amount ? { amount: Math.ceil(amount / ports.length) } : { duration }),
        timeout: 60,
        requests: [
          {
            method: "POST",
            setupRequest: (request) => {
              index += 1;
              const client = ip?.(index) ?? `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
              return {
                ...request,
                path: `/api/v1/sessions/${sessionFor(index)}/registrations`,
                headers: { "content-type": "application/json", "x-forwarded-for": client },
                body: registrationBody(),
              };
            },
            onResponse: (status) => {
              statuses[status] = (statuses[status] ?? 0) + 1;
            },
          },
        ],
      }),
    ),
  );
  const seconds = Math.max(...runs.map((run) => run.duration));
  const ok = runs.reduce((sum, run) => sum + run["2xx"], 0);
  return {
    sent: runs.reduce((sum, run) => sum + run.requests.sent, 0),
    ok,
    seconds,
    // Percentiles of the slower instance: histograms of two runs do not merge.
    p50: Math.max(...runs.map((run) => run.latency.p50)),
    p95: Math.max(...runs.map((run) => run.latency.p97_5 ?? run.latency.p90)),
    p99: Math.max(...runs.map((run) => run.latency.p99)),
    errors: runs.reduce((sum, run) => sum + run.errors + run.non2xx + run.timeouts, 0),
    statuses,
  };
}

function rushRow(load: LoadResult): Record<string, number> {
  return {
    requests: load.sent,
    "registrations/s": round(load.ok / load.seconds),
    "p50 ms": load.p50,
    "p95 ms": load.p95,
    "p99 ms": load.p99,
    errors: load.errors,
  };
}

async function sessionCounts(sessionId: string) {
  const [counts] = await query<{ confirmed: number; waitlisted: number; counter: number; tokens: number; outbox: number; registrations: number }>(
    `SELECT count(*) FILTER (WHERE r.status = 'CONFIRMED')::int AS confirmed,
            count(*) FILTER (WHERE r.status = 'WAITLISTED')::int AS waitlisted,
            count(*)::int AS registrations,
            (SELECT "confirmedCount" FROM sessions WHERE id = $1) AS counter,
            (SELECT count(DISTINCT t."registrationId")::int FROM manage_tokens t JOIN registrations x ON x.id = t."registrationId" WHERE x."sessionId" = $1) AS tokens,
            (SELECT count(DISTINCT o."registrationId")::int FROM outbox_messages o JOIN registrations x ON x.id = o."registrationId" WHERE x."sessionId" = $1) AS outbox
     FROM registrations r WHERE r."sessionId" = $1`,
    databaseUrl,
    [sessionId],
  );
  return counts!;
}

/** The rush's transaction sent straight to PostgreSQL at the same concurrency. */
async function ceiling(sessionId: string, amount = requests): Promise<number> {
  // PostgreSQL's default max_connections is 100; the app holds BENCH_POOL of them.
  const ceilingPool = new pg.Pool({ connectionString: databaseUrl, max: Math.min(clients, 50) });
  const notice = (await query<{ id: string }>(`SELECT id FROM privacy_notices LIMIT 1`, databaseUrl))[0]!.id;
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < amount) {
        const index = next++;
        const connection = await ceilingPool.connect();
        try {
          await connection.query("BEGIN");
          const seat = await connection.query(`UPDATE sessions SET "confirmedCount" = "confirmedCount" + 1 WHERE id = $1 AND "confirmedCount" < capacity`, [
            sessionId,
          ]);
          const waiting =
            seat.rowCount === 1
              ? null
              : (await connection.query(`UPDATE sessions SET "waitlistTicket" = "waitlistTicket" + 1 WHERE id = $1 RETURNING "waitlistTicket"`, [sessionId]))
                  .rows[0].waitlistTicket;
          await connection.query(
            `INSERT INTO registrations (id, "sessionId", status, "waitlistPosition", "firstName", "lastName", email, organisation, role, "privacyNoticeId", "consentedAt", "updatedAt")
             VALUES ($1, $2, $3, $4, 'Bench', 'Ceiling', $5, 'Gemeinde', 'ADMINISTRATION', $6, now(), now())`,
            [randomUUID(), sessionId, waiting === null ? "CONFIRMED" : "WAITLISTED", waiting, `ceiling.${index}@example.org`, notice],
          );
          await connection.query("COMMIT");
        } finally {
          connection.release();
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await ceilingPool.end();
  return round(amount / seconds);
}

/**
 * PostgreSQL's own ceiling for the rush's kind of statement (one seat taken
 * on one session row, the registration and its outbox row inserted), from
 * pgbench at the client count where it peaks. Each count runs on a fresh
 * session with room for every transaction.
 */
async function pgbenchCeiling(sessionId: string, seconds = 5): Promise<{ "tx/s": number; clients: number; runs: string }> {
  const notice = (await query<{ id: string }>(`SELECT id FROM privacy_notices LIMIT 1`, databaseUrl))[0]!.id;
  await query(`UPDATE sessions SET capacity = 100000000, "confirmedCount" = 0 WHERE id = $1`, databaseUrl, [sessionId]);
  const script = `bench-results/pgbench-${process.pid}.sql`;
  writeFileSync(
    script,
    `WITH seat AS (
  UPDATE sessions SET "confirmedCount" = "confirmedCount" + 1, "updatedAt" = now() WHERE id = '${sessionId}' AND "confirmedCount" < capacity RETURNING id
), registration AS (
  INSERT INTO registrations (id, "sessionId", status, "firstName", "lastName", email, organisation, role, "privacyNoticeId", "consentedAt", "confirmedAt", "createdAt", "updatedAt")
  SELECT gen_random_uuid(), id, 'CONFIRMED', 'Bench', 'Ceiling', 'pgbench.' || gen_random_uuid() || '@example.org', 'Gemeinde', 'ADMINISTRATION', '${notice}', now(), now(), now(), now() FROM seat
  RETURNING id
)
INSERT INTO outbox_messages (id, "messageId", kind, "toAddress", template, "registrationId", status, attempts, "nextAttemptAt", "createdAt")
SELECT gen_random_uuid(), gen_random_uuid()::text, 'registration-confirmed', 'pgbench@example.org', '{}'::jsonb, id, 'PENDING', 0, now(), now() FROM registration;
`,
  );
  const url = new URL(databaseUrl);
  const runs: { clients: number; tps: number }[] = [];
  // PostgreSQL here allows 100 connections in all, shared with the app's pool.
  for (const count of [10, 25, 40]) {
    const run = spawnSync(
      "pgbench",
      [
        "-n",
        "-M",
        "prepared",
        "-f",
        script,
        "-c",
        String(count),
        "-j",
        "2",
        "-T",
        String(seconds),
        "-h",
        url.hostname,
        "-p",
        url.port || "5432",
        "-U",
        url.username || "postgres",
        url.pathname.slice(1),
      ],
      { encoding: "utf8" },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1] ?? NaN);
    if (run.status !== 0 || Number.isNaN(tps)) throw new Error(`pgbench failed: ${run.stderr || run.stdout}`);
    runs.push({ clients: count, tps: round(tps) });
  }
  const best = runs.reduce((top, run) => (run.tps > top.tps ? run : top));
  return { "tx/s": best.tps, clients: best.clients, runs: runs.map((run) => `${run.clients}: ${run.tps}`).join(" / ") };
}

const unescapeHtml = (value: string) =>
  value.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (_, entity: string) => ({ quot: '"', amp: "&", lt: "<", gt: ">", "#x27": "'", "#39": "'" })[entity]!);

/** The registration form on a page as a browser without JavaScript reads it: where it posts to and its hidden inputs (the server action's among them). */
function registrationFormOf(html: string): { action: string | null; hidden: [string, string][] } {
  // The page's other form is the language switch.
  const form = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].find((candidate) => candidate[2]!.includes('name="$ACTION_'));
  if (!form) throw new Error("no registration form on the page");
  const action = /\saction="([^"]*)"/.exec(form[1]!)?.[1];
  const hidden: [string, string][] = [];
  for (const input of form[2]!.matchAll(/<input\b([^>]*)>/g)) {
    const attributes = input[1]!;
    if (!/\stype="hidden"/.test(attributes)) continue;
    const name = /\sname="([^"]*)"/.exec(attributes)?.[1];
    if (name) hidden.push([unescapeHtml(name), unescapeHtml(/\svalue="([^"]*)"/.exec(attributes)?.[1] ?? "")]);
  }
  return { action: action ? unescapeHtml(action) : null, hidden };
}

/** What a person types into the form; `label` and the number make the address unique. */
function personFields(label: string, sequenceNumber: number): [string, string][] {
  return [
    ["firstName", "Bench"],
    ["lastName", `${label} ${sequenceNumber}`],
    ["email", `${label.toLowerCase()}.${sequenceNumber}.${randomUUID().slice(0, 6)}@example.org`],
    ["organisation", "Gemeinde Last"],
    ["role", "ADMINISTRATION"],
    ["consent", "on"],
  ];
}

/** The fields a browser without JavaScript sends with the registration form. */
function formSubmission(html: string, sequenceNumber: number): { action: string | null; body: FormData } {
  const { action, hidden } = registrationFormOf(html);
  const body = new FormData();
  for (const [name, value] of [...hidden, ...personFields("Browser", sequenceNumber)]) body.append(name, value);
  return { action, body };
}

/**
 * The rush as browsers without JavaScript make it: each client loads the
 * registration page, posts its form (the server action, multipart, with the
 * hidden fields from the page) and follows the redirect to the
 * confirmation page. Latency is the whole sequence.
 */
async function browserRush(sessionId: string, amount = requests): Promise<LoadResult> {
  const origin = `http://localhost:${port}`;
  const page = `/termine/${sessionId}/anmeldung`;
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let next = 0;
  let ok = 0;
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < amount) {
        const index = ++next;
        const client = `10.200.${(index >> 8) & 255}.${index & 255}`;
        const headers = { "accept-language": "de", "x-forwarded-for": client };
        const began = performance.now();
        try {
          const form = await fetch(origin + page, { headers });
          const { action, body } = formSubmission(await form.text(), index);
          const posted = await fetch(new URL(action || page, origin + page), {
            method: "POST",
            body,
            redirect: "manual",
            headers: { ...headers, origin, "sec-fetch-site": "same-origin" },
          });
          await posted.arrayBuffer();
          statuses[posted.status] = (statuses[posted.status] ?? 0) + 1;
          const location = posted.headers.get("location");
          if (posted.status !== 303 || !location?.includes("/eingegangen")) {
            errors += 1;
            continue;
          }
          const landed = await fetch(new URL(location, origin), { headers });
          await landed.arrayBuffer();
          if (landed.ok) ok += 1;
          else errors += 1;
          latencies.push(performance.now() - began);
        } catch (error) {
          errors += 1;
          const kind = `failed: ${error instanceof Error ? ((error.cause as { code?: string } | undefined)?.code ?? error.name) : "unknown"}`;
          statuses[kind] = (statuses[kind] ?? 0) + 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  const percentile = (share: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? NaN);
  return { sent: amount, ok, seconds, p50: percentile(0.5), p95: percentile(0.95), p99: percentile(0.99), errors, statuses };
}

/**
 * The no-JavaScript form post alone, measured like the API rush (autocannon,
 * the same clients and amount): the hidden fields (the server action's) come
 * from one load of the page, as every visitor gets the same ones; each post
 * carries its own address and is answered with the redirect to the received page.
 */
async function formPostLoad(sessionId: string, amount: number): Promise<LoadResult> {
  const page = `/termine/${sessionId}/anmeldung`;
  const origin = `http://localhost:${port}`;
  const { action, hidden } = registrationFormOf(await (await fetch(origin + page, { headers: { "accept-language": "de" } })).text());
  const boundary = `----komma-bench-${randomUUID()}`;
  const multipart = (values: [string, string][]) =>
    values.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  const statuses: Record<string, number> = {};
  let index = 0;
  const run = await autocannon({
    url: origin,
    connections: clients,
    amount,
    timeout: 60,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          index += 1;
          return {
            ...request,
            path: action || page,
            headers: {
              "content-type": `multipart/form-data; boundary=${boundary}`,
              "accept-language": "de",
              origin,
              "sec-fetch-site": "same-origin",
              "x-forwarded-for": `10.201.${(index >> 8) & 255}.${index & 255}`,
            },
            body: multipart([...hidden, ...personFields("Post", index)]),
          };
        },
        onResponse: (status) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
        },
      },
    ],
  });
  const ok = run["3xx"];
  return {
    sent: run.requests.sent,
    ok,
    seconds: run.duration,
    p50: run.latency.p50,
    p95: run.latency.p97_5 ?? run.latency.p90,
    p99: run.latency.p99,
    errors: run.requests.sent - ok,
    statuses,
  };
}

/** GETs of one page from 100 connections for a few seconds, as the page table reports them. */
async function pageLoad(path: string, seconds = 10): Promise<{ rate: number; p50: number; p99: number; errors: number }> {
  const options = { url: `http://localhost:${port}${path}`, headers: { "accept-language": "de", "accept-encoding": "gzip" }, timeout: 30 };
  await autocannon({ ...options, connections: 10, duration: 2 });
  const result = await autocannon({ ...options, connections: 100, duration: seconds });
  return {
    rate: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/** Waits until no message is pending any more (or the time is up); returns the seconds waited. */
async function drainOutbox(timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    const [row] = await query<{ pending: number }>(`SELECT count(*)::int AS pending FROM outbox_messages WHERE status = 'PENDING'`, databaseUrl);
    if (row!.pending === 0) break;
    await sleep(250);
  }
  return (performance.now() - start) / 1000;
}

try {
  console.log(`Bench database ${databaseName}; migrating …`);
  await migrateDatabase(databaseUrl);
  const { db } = await import("../lib/db");
  const { seedKomma } = await import("../lib/seed/seed-komma");
  await seedKomma(db, { dates: "upcoming" });

  // The bench's own sessions live in a programme of their own, so that the
  // programme page read below is KommA's real one.
  const programme = await db.programme.create({
    data: {
      slug: "bench",
      name: "Lastprobe",
      description: "Lastprobe",
      contactEmail: "bench@example.org",
      privacyNotices: { create: { version: 1, text: "Lastprobe" } },
    },
    select: { id: true },
  });
  const startsAt = new Date(Date.now() + 7 * 24 * 3600_000);
  // Sessions: an API rush, a form-post rush, a browser rush, a ceiling and a pgbench one per round, two instances, restart, two warm-ups, then 50 for the spread.
  const dedicated = 5 * rounds + 4;
  const workshop = await db.workshop.create({
    data: {
      programmeId: programme.id,
      slug: "bench",
      title: "Benchmark",
      summary: "Lastprobe",
      description: "Lastprobe",
      published: true,
      sessions: {
        create: Array.from({ length: dedicated + 50 }, (_, index) => ({
          startsAt: new Date(startsAt.getTime() + index * 3600_000),
          endsAt: new Date(startsAt.getTime() + index * 3600_000 + 7200_000),
          capacity: index < dedicated ? capacity : Math.ceil(capacity / 50),
          joinUrl: "https://video.example.org/bench",
        })),
      },
    },
    select: { sessions: { select: { id: true }, orderBy: { startsAt: "asc" } } },
  });
  const sessionIds = workshop.sessions.map((session) => session.id);
  const [instancesSession, restartSession, warmupSession, warmupCeilingSession] = sessionIds.splice(5 * rounds, 4) as [string, string, string, string];
  const rushSessions = sessionIds.splice(0, rounds);
  const ceilingSessions = sessionIds.splice(0, rounds);
  const browserSessions = sessionIds.splice(0, rounds);
  const formPostSessions = sessionIds.splice(0, rounds);
  const pgbenchSessions = sessionIds.splice(0, rounds);
  const spreadSessions = sessionIds;
  const rushSession = rushSessions[0]!;

  if (!existsSync(".next/BUILD_ID")) {
    console.log("No production build found; running next build …");
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const app = await startApp(port, {}, profile);

  if (scenarios.has("rush")) {
    // Short runs on a shared machine vary: rush and ceiling alternate, and
    // the medians count.
    // A server that has just started runs its code unoptimised: a first,
    // unmeasured rush of half the size warms it up (and the ceiling's client).
    console.log("Warm-up …");
    await registrationLoad({ ports: [port], sessionFor: () => warmupSession, amount: Math.round(requests / 2) });
    // The form post runs through other code (the page's server action): it is warmed up too.
    await formPostLoad(warmupSession, Math.round(requests / 4));
    await ceiling(warmupCeilingSession, Math.round(requests / 2));
    const rushes: Record<string, number | boolean | string>[] = [];
    const browserRushes: Record<string, number | boolean | string>[] = [];
    const formPosts: Record<string, number | boolean | string>[] = [];
    const ceilings: number[] = [];
    const pgbenchRuns: Awaited<ReturnType<typeof pgbenchCeiling>>[] = [];
    for (let index = 0; index < rounds; index++) {
      console.log(`Rush ${index + 1}/${rounds}: ${requests} registrations from ${clients} concurrent clients into one session of ${capacity} seats …`);
      const load = await registrationLoad({ ports: [port], sessionFor: () => rushSessions[index]!, amount: requests });
      const counts = await sessionCounts(rushSessions[index]!);
      rushes.push({
        ...rushRow(load),
        confirmed: counts.confirmed,
        "exactly C confirmed": counts.confirmed === capacity && counts.counter === capacity,
        waitlisted: counts.waitlisted,
      });
      console.log(`Form-post rush ${index + 1}/${rounds}: the form post alone, as the API rush, ${clients} clients …`);
      const posts = await formPostLoad(formPostSessions[index]!, requests);
      const postCounts = await sessionCounts(formPostSessions[index]!);
      formPosts.push({
        ...rushRow(posts),
        "post answers": JSON.stringify(posts.statuses),
        confirmed: postCounts.confirmed,
        "exactly C confirmed": postCounts.confirmed === capacity && postCounts.counter === capacity,
        waitlisted: postCounts.waitlisted,
      });
      console.log(`Browser rush ${index + 1}/${rounds}: page, form post without JavaScript, redirect, ${clients} clients …`);
      const browser = await browserRush(browserSessions[index]!);
      const browserCounts = await sessionCounts(browserSessions[index]!);
      browserRushes.push({
        ...rushRow(browser),
        "post answers": JSON.stringify(browser.statuses),
        confirmed: browserCounts.confirmed,
        "exactly C confirmed": browserCounts.confirmed === capacity && browserCounts.counter === capacity,
        waitlisted: browserCounts.waitlisted,
      });
      console.log(`Ceiling ${index + 1}/${rounds}: the same transaction straight to PostgreSQL, from Node and from pgbench …`);
      ceilings.push(await ceiling(ceilingSessions[index]!));
      pgbenchRuns.push(await pgbenchCeiling(pgbenchSessions[index]!));
    }
    const pgbenchRates = pgbenchRuns.map((run) => run["tx/s"]);
    const pgbenchMedian = median(pgbenchRates);
    for (const [name, rows] of [
      ["rush (1 session)", rushes],
      ["form-post rush (1 session)", formPosts],
      ["browser rush (1 session)", browserRushes],
    ] as const) {
      const rates = rows.map((row) => Number(row["registrations/s"]));
      const middle = rows[rates.indexOf(median(rates))]!;
      results[name] = {
        ...middle,
        errors: rows.reduce((sum, row) => sum + Number(row.errors), 0),
        "exactly C confirmed": rows.every((row) => row["exactly C confirmed"] === true),
        "ratio to ceiling": round(median(rates) / median(ceilings), 2),
        "ratio to pgbench": round(median(rates) / pgbenchMedian, 2),
        "rounds (reg/s)": rates.join(" / "),
      };
    }
    for (const name of ["form-post rush (1 session)", "browser rush (1 session)"]) {
      results[name]!["ratio to API rush"] = round(Number(results[name]!["registrations/s"]) / Number(results["rush (1 session)"]!["registrations/s"]), 2);
    }
    results["ceiling (raw SQL from Node)"] = { requests, "registrations/s": median(ceilings), errors: 0, "rounds (reg/s)": ceilings.join(" / ") };
    const peak = pgbenchRuns[pgbenchRates.indexOf(pgbenchMedian)]!;
    results["ceiling (pgbench)"] = {
      "registrations/s": pgbenchMedian,
      "at clients": peak.clients,
      errors: 0,
      "rounds (reg/s)": pgbenchRates.join(" / "),
      "clients: tx/s": peak.runs,
    };
  }

  if (scenarios.has("spread")) {
    console.log("Spread: the same load over 50 sessions …");
    results["spread (50 sessions)"] = rushRow(await registrationLoad({ ports: [port], sessionFor: (index) => spreadSessions[index % 50]!, amount: requests }));
  }

  if (scenarios.has("pages")) {
    // Every page a browser-based rush loads, against the cheapest answer the
    // app has (the session API, cached JSON), in the same run, 100 connections each.
    const [komma] = await query<{ id: string; slug: string }>(
      `SELECT s.id, w.slug FROM sessions s JOIN workshops w ON w.id = s."workshopId" JOIN programmes p ON p.id = w."programmeId" WHERE p.slug = 'komma' ORDER BY s."startsAt" LIMIT 1`,
      databaseUrl,
    );
    const paths = [
      ["session API", `/api/v1/sessions/${rushSession}`],
      ["programme page", "/"],
      ["workshop page", `/workshops/${komma!.slug}`],
      ["registration page", `/termine/${komma!.id}/anmeldung`],
    ] as const;
    // Twice over, the API first each time: the ratios of one round are measured minutes apart at most.
    const pageRounds: Record<string, { rate: number; p50: number; p99: number; errors: number }>[] = [];
    for (let index = 0; index < 2; index++) {
      const loads: (typeof pageRounds)[number] = {};
      for (const [name, path] of paths) {
        console.log(`Pages ${index + 1}/2: ${path} …`);
        loads[name] = await pageLoad(path);
      }
      pageRounds.push(loads);
    }
    for (const [name] of paths) {
      const ratios = pageRounds.map((loads) => round(loads[name]!.rate / loads["session API"]!.rate, 2));
      const last = pageRounds.at(-1)![name]!;
      results[`page: ${name}`] = {
        "requests/s": last.rate,
        "p50 ms": last.p50,
        "p99 ms": last.p99,
        "ratio to API": ratios.at(-1)!,
        "rounds (req/s)": pageRounds.map((loads) => loads[name]!.rate).join(" / "),
        "rounds (ratio)": ratios.join(" / "),
        errors: pageRounds.reduce((sum, loads) => sum + loads[name]!.errors, 0),
      };
    }
  }
  await stopApp(app);
  if (profile) console.log(`CPU profile: bench-results/profiles/${readdirSync("bench-results/profiles").sort().at(-1)}`);

  if (scenarios.has("instances")) {
    console.log("Two instances: one rush split over two app servers with their outbox workers on …");
    const smtpEnv = { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, OUTBOX_WORKER: "inline", MAIL_DELIVERY: "smtp" };
    await query(`UPDATE outbox_messages SET status = 'SENT' WHERE status = 'PENDING'`, databaseUrl);
    const pair = await Promise.all([startApp(port, smtpEnv), startApp(port + 1, smtpEnv)]);
    const load = await registrationLoad({ ports: [port, port + 1], sessionFor: () => instancesSession, amount: requests });
    const counts = await sessionCounts(instancesSession);
    // Rate limits: 40 registrations from one address, alternating between the
    // instances; the per-address limit (30 in 10 minutes) must hold overall.
    const limited = await registrationLoad({
      ports: [port, port + 1],
      sessionFor: () => spreadSessions[0]!,
      amount: 40,
      connections: 2,
      ip: () => "192.0.2.77",
    });
    await drainOutbox(120_000);
    const [outbox] = await query<{ sent: number; pending: number }>(
      `SELECT count(*) FILTER (WHERE status = 'SENT' AND transport = 'smtp')::int AS sent, count(*) FILTER (WHERE status = 'PENDING')::int AS pending FROM outbox_messages`,
      databaseUrl,
    );
    const duplicates = [...received.values()].filter((count) => count > 1).length;
    await Promise.all(pair.map(stopApp));
    results["two instances (1 session)"] = {
      ...rushRow(load),
      confirmed: counts.confirmed,
      "exactly C confirmed": counts.confirmed === capacity && counts.counter === capacity,
      "rate limit shared (30 of 40 from one IP)": limited.statuses["202"] === 30 && limited.statuses["429"] === 10,
      "mails sent once": outbox!.pending === 0 && duplicates === 0 && received.size === outbox!.sent,
      messages: received.size,
    };
  }

  if (scenarios.has("outbox")) {
    console.log("Outbox: delivering 1,000 queued messages to a local SMTP server …");
    const { deliverDueMessages } = await import("../lib/email/deliver-outbox");
    const [queued] = await query<{ count: number }>(`SELECT count(*)::int AS count FROM outbox_messages`, databaseUrl);
    if (queued!.count < 1000) {
      // Run on its own: register people in-process until there is enough mail.
      const { registerParticipant } = await import("../lib/registrations/register-participant");
      for (let index = queued!.count; index < 1000; index++) {
        await registerParticipant({ ...JSON.parse(registrationBody()), privacyNoticeVersion: "1", locale: "de", sessionId: rushSession }, { ip: null });
      }
    }
    const { createMailTransport } = await import("../lib/email/transport");
    await query(
      `UPDATE outbox_messages SET status = CASE WHEN id IN (SELECT id FROM outbox_messages ORDER BY "createdAt" LIMIT 1000) THEN 'PENDING'::"OutboxStatus" ELSE 'SENT'::"OutboxStatus" END, "nextAttemptAt" = now(), "lockedUntil" = NULL`,
      databaseUrl,
    );
    const before = received.size;
    const transport = createMailTransport({ smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: { name: "Bench", address: "bench@example.org" } });
    const start = performance.now();
    for (;;) {
      const report = await deliverDueMessages({ batchSize: 50, transport });
      if (report.claimed === 0) break;
    }
    const seconds = (performance.now() - start) / 1000;
    transport.close();
    const messages = [...received.values()].reduce((sum, count) => sum + count, 0) - before;
    results["outbox → SMTP (1,000)"] = { messages, "messages/s": round(messages / seconds), seconds: round(seconds) };
  }

  if (scenarios.has("export")) {
    console.log("Export: 100,000 registrations to CSV and XLSX …");
    const { registrationColumns } = await import("../lib/export/columns");
    const { registrationsCsv } = await import("../lib/export/write-csv");
    const { registrationsXlsx } = await import("../lib/export/write-xlsx");
    const columns = registrationColumns("de", [{ id: "q1", label: "Erwartungen" }]);
    async function* rows() {
      for (let index = 0; index < 100_000; index++) {
        yield {
          registrationId: randomUUID(),
          workshop: "Vielfaltsorientierte Verwaltung stärken",
          sessionStartsAt: startsAt,
          status: "CONFIRMED",
          waitlistPosition: null,
          firstName: "Erika",
          lastName: `Mustermann ${index}`,
          email: `erika${index}@example.org`,
          organisation: "Stadt Musterhausen",
          role: "ADMINISTRATION",
          accessibilityNeeds: null,
          locale: "de",
          attended: index % 2 === 0,
          consentedAt: new Date(),
          privacyNoticeVersion: 1,
          registeredAt: new Date(),
          "q:q1": 'Austausch, Praxis; "Beispiele"',
        };
      }
    }
    for (const [name, make] of [
      ["export CSV (100,000)", () => registrationsCsv(rows(), columns, { delimiter: ";", timeZone: "Europe/Berlin", locale: "de" })],
      ["export XLSX (100,000)", () => registrationsXlsx(rows(), columns, { timeZone: "Europe/Berlin", sheetName: "Anmeldungen" })],
    ] as const) {
      global.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      let bytes = 0;
      // The bench's rows hold no line break, so in the CSV every LF ends a record.
      let lineFeeds = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const start = performance.now();
      await pipeline(
        make(),
        new Writable({
          write(chunk: Buffer, _encoding, callback) {
            bytes += chunk.length;
            for (const byte of chunk) if (byte === 0x0a) lineFeeds += 1;
            callback();
          },
        }),
      );
      clearInterval(sampler);
      results[name] = {
        seconds: round((performance.now() - start) / 1000),
        "MB written": round(bytes / 1e6),
        "peak RSS growth MB": round((peak - baseline) / 1e6),
      };
      // The size check the unit tests leave to the bench: all 100,000 rows and the header in one file.
      if (name.includes("CSV")) results[name]["complete (100,001 records)"] = lineFeeds === 100_001;
    }
  }

  if (scenarios.has("dashboard")) await dashboardBench();

  if (scenarios.has("restart")) await restartUnderLoad(restartSession);
} finally {
  await cleanUp();
}

/**
 * PostgreSQL restarted during a registration load: while it is down clients
 * get 503 with Retry-After, afterwards the same app process registers again,
 * and nothing is half-written (every registration has its token and its
 * email, and the seat counter matches the confirmed rows).
 */
async function restartUnderLoad(sessionId: string) {
  const host = new URL(server).hostname;
  const cluster = existsSync("/etc/postgresql") ? readdirSync("/etc/postgresql")[0] : undefined;
  if (!["127.0.0.1", "localhost", "::1"].includes(host) || !cluster || spawnSync("which", ["pg_ctlcluster"]).status !== 0) {
    console.log("Restart: skipped (needs the local cluster and pg_ctlcluster).");
    return;
  }
  console.log("Restart: PostgreSQL stopped for 3 s and started again during a registration load …");
  const app = await startApp(port);
  const pgctl = (action: string) =>
    spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", cluster, "main", action, ...(action === "stop" ? ["-m", "fast"] : [])], { stdio: "inherit" });
  const loadDone = registrationLoad({ ports: [port], sessionFor: () => sessionId, duration: 15, connections: 20 });
  await sleep(4_000);
  pgctl("stop");
  await sleep(3_000);
  pgctl("start");
  const load = await loadDone;
  // The app must register again without being restarted.
  const after = await fetch(`http://localhost:${port}/api/v1/sessions/${sessionId}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.9" },
    body: registrationBody(),
  });
  await stopApp(app);
  const counts = await sessionCounts(sessionId);
  results["PostgreSQL restart under load"] = {
    requests: load.sent,
    "202": load.statuses["202"] ?? 0,
    "503 (retryable)": load.statuses["503"] ?? 0,
    "other answers": JSON.stringify(Object.fromEntries(Object.entries(load.statuses).filter(([status]) => status !== "202" && status !== "503"))),
    "still in flight at the end": load.sent - Object.values(load.statuses).reduce((sum, count) => sum + count, 0),
    "registers after restart": after.status === 202,
    // A commit whose answer was lost in the restart may be stored without a 202.
    "every 202 stored": counts.registrations >= (load.statuses["202"] ?? 0) + 1,
    "nothing half-written": counts.tokens === counts.registrations && counts.outbox === counts.registrations && counts.counter === counts.confirmed,
  };
}

console.log(`\nKommA-Anmeldung benchmark (clients ${clients}, capacity ${capacity}, app pool ${pool})`);
console.table(results);
const file = `bench-results/bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), clients, capacity, pool, results }, null, 2));
console.log(`Written to ${file}`);
process.exit(0);

/**
 * The dashboard over 100,000 registrations (docs/decisions/0030): a programme
 * of its own with 3 workshops and 30 sessions, the registrations inserted in
 * one statement with mixed statuses, roles, kinds of institution, attendance
 * and 60 days of registration dates. Timed: the dashboard's queries
 * in-process, the whole page over HTTP as a signed-in administrator, and the
 * funder report as PDF and XLSX. Medians of 5 after a warm-up.
 */
async function dashboardBench() {
  console.log("Dashboard: 100,000 registrations …");
  const { db } = await import("../lib/db");
  const { INSTITUTION_KIND_KEY, institutionKindOptions } = await import("../lib/dashboard/institution-kinds");
  const programme = await db.programme.create({
    data: {
      slug: "dashboard-bench",
      name: "Dashboard-Lastprobe",
      description: "Lastprobe",
      contactEmail: "bench@example.org",
      privacyNotices: { create: { version: 1, text: "Lastprobe" } },
    },
    select: { id: true, privacyNotices: { select: { id: true } } },
  });
  const start = Date.now() - 30 * 24 * 3600_000;
  for (let index = 0; index < 3; index++) {
    await db.workshop.create({
      data: {
        programmeId: programme.id,
        slug: `dashboard-${index}`,
        position: index,
        title: `Dashboard-Workshop ${index + 1}`,
        summary: "Lastprobe",
        description: "Lastprobe",
        questions: {
          create: { type: "SINGLE_CHOICE", labelDe: "Institution", labelEn: "Institution", options: institutionKindOptions, reportKey: INSTITUTION_KIND_KEY },
        },
        sessions: {
          create: Array.from({ length: 10 }, (_, session) => ({
            startsAt: new Date(start + (index * 10 + session) * 24 * 3600_000),
            endsAt: new Date(start + (index * 10 + session) * 24 * 3600_000 + 7200_000),
            capacity: 3500,
          })),
        },
      },
    });
  }
  const seeded = performance.now();
  await query(
    `WITH s AS (
       SELECT s.id, q.id::text AS question, (row_number() OVER (ORDER BY s."startsAt") - 1)::int AS n
       FROM sessions s JOIN workshops w ON w.id = s."workshopId" JOIN questions q ON q."workshopId" = w.id AND q."reportKey" = 'institution-kind'
       WHERE w."programmeId" = $1)
     INSERT INTO registrations (id, "sessionId", status, "waitlistPosition", "firstName", "lastName", email, organisation, role, answers,
       "privacyNoticeId", "consentedAt", attended, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), s.id,
       (CASE WHEN g % 10 < 7 THEN 'CONFIRMED' WHEN g % 10 = 7 THEN 'WAITLISTED' WHEN g % 10 = 8 THEN 'CANCELLED' ELSE 'PENDING' END)::"RegistrationStatus",
       CASE WHEN g % 10 = 7 THEN g END, 'Bench', 'Person ' || g, 'dashboard.' || g || '@example.org', 'Gemeinde',
       (ARRAY['ADMINISTRATION', 'ELECTED_OFFICIAL', 'CIVIL_SOCIETY', 'OTHER'])[1 + g % 4]::"ParticipantRole",
       jsonb_build_object(s.question, (ARRAY['municipality', 'district', 'state-federal', 'civil-society', 'science', 'other', ''])[1 + g % 7]),
       $2, now(), CASE WHEN g % 10 < 7 AND s.n < 15 THEN g % 5 <> 0 END, now() - make_interval(days => g % 60, mins => g % 1440), now()
     FROM generate_series(1, 100000) g JOIN s ON s.n = g % 30`,
    databaseUrl,
    [programme.id, programme.privacyNotices[0]!.id],
  );
  await query(`ANALYZE registrations`, databaseUrl);
  const seedSeconds = round((performance.now() - seeded) / 1000);
  const [{ count } = { count: 0 }] = await query<{ count: number }>(
    `SELECT count(*)::int AS count FROM registrations r JOIN sessions s ON s.id = r."sessionId" JOIN workshops w ON w.id = s."workshopId" WHERE w."programmeId" = $1`,
    databaseUrl,
    [programme.id],
  );

  const admin = await db.user.create({
    data: { email: "dashboard-bench@example.org", role: "ADMIN" },
    select: { id: true, email: true, name: true, role: true },
  });
  const { queryDashboard } = await import("../lib/dashboard/queries");
  const { createFunderReport } = await import("../lib/dashboard/create-funder-report");
  async function timed(run: () => Promise<unknown>): Promise<number> {
    await run(); // warm-up
    const times: number[] = [];
    for (let index = 0; index < 5; index++) {
      const begin = performance.now();
      await run();
      times.push(performance.now() - begin);
    }
    return Math.round(median(times));
  }
  const filter = { programmeId: programme.id };
  const queriesMs = await timed(() => queryDashboard(admin, filter));
  const pdfMs = await timed(() => createFunderReport(admin, filter, "pdf", { locale: "de" }));
  const xlsxMs = await timed(() => createFunderReport(admin, filter, "xlsx", { locale: "de" }));

  // The page over HTTP, signed in with a database session as next-auth keeps it.
  const token = randomUUID();
  await db.authSession.create({ data: { sessionToken: token, userId: admin.id, expires: new Date(Date.now() + 3600_000) } });
  const app = await startApp(port);
  let pageOk = true;
  const pageMs = await timed(async () => {
    const response = await fetch(`http://localhost:${port}/organisation?programmeId=${programme.id}`, {
      headers: { cookie: `next-auth.session-token=${token}`, "accept-language": "de" },
      redirect: "manual",
    });
    const html = await response.text();
    pageOk &&= response.status === 200 && html.includes("Dashboard-Workshop 3") && html.includes("<svg");
  });
  await stopApp(app);
  results["dashboard (100,000 registrations)"] = {
    registrations: count,
    "seed s": seedSeconds,
    "queries ms": queriesMs,
    "page ms (HTTP, whole render)": pageMs,
    "page complete": pageOk,
    "report PDF ms": pdfMs,
    "report XLSX ms": xlsxMs,
  };
}
