// npm run bench: registration rush against PostgreSQL's own ceiling, spread
// load, reads, outbox delivery and the 100,000-row export. Prints a table and
// writes bench-results/bench-<time>.json. Configure with BENCH_DATABASE_URL
// (a server on which a fresh database is created), BENCH_CLIENTS (200),
// BENCH_CAPACITY (1000), BENCH_POOL (app connections, 20), BENCH_PORT (3300).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
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
const requests = Math.round(capacity * 1.2);
const results: Record<string, Record<string, number | string | boolean>> = {};

async function admin<T>(sql: string, url = server): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const databaseName = `komma_bench_${Date.now()}`;
await admin(`CREATE DATABASE "${databaseName}"`);
const databaseUrl = Object.assign(new URL(server), { pathname: `/${databaseName}` }).toString();
process.env.DATABASE_URL = databaseUrl;
// This process only arranges data; the app under test gets BENCH_POOL connections.
process.env.DATABASE_POOL_SIZE = "4";
process.env.APP_URL = `http://localhost:${port}`;
let app: ChildProcess | undefined;

async function cleanUp() {
  app?.kill("SIGTERM");
  const { disconnectDb } = await import("../lib/db");
  await disconnectDb();
  await admin(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
}

try {
  console.log(`Bench database ${databaseName}; migrating …`);
  await migrateDatabase(databaseUrl);
  const { db } = await import("../lib/db");
  const { seedKomma } = await import("../lib/seed/seed-komma");
  await seedKomma(db, { dates: "upcoming" });

  const programme = await db.programme.findUniqueOrThrow({ where: { slug: "komma" }, select: { id: true } });
  const startsAt = new Date(Date.now() + 7 * 24 * 3600_000);
  const workshop = await db.workshop.create({
    data: {
      programmeId: programme.id,
      slug: "bench",
      title: "Benchmark",
      summary: "Lastprobe",
      description: "Lastprobe",
      published: true,
      sessions: {
        create: Array.from({ length: 52 }, (_, index) => ({
          startsAt: new Date(startsAt.getTime() + index * 3600_000),
          endsAt: new Date(startsAt.getTime() + index * 3600_000 + 7200_000),
          capacity: index < 2 ? capacity : Math.ceil(capacity / 50),
          joinUrl: "https://video.example.org/bench",
        })),
      },
    },
    select: { sessions: { select: { id: true }, orderBy: { startsAt: "asc" } } },
  });
  const [rushSession, ceilingSession, ...spreadSessions] = workshop.sessions.map((session) => session.id);

  if (!existsSync(".next/BUILD_ID")) {
    console.log("No production build found; running next build …");
    const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_POOL_SIZE: String(pool), NODE_ENV: "production", TRUST_PROXY: "true", OUTBOX_WORKER: "off", AUTH_SECRET: "bench-secret-bench-secret-bench-secret", NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`http://localhost:${port}/api/v1/sessions/${rushSession}`)).ok) break;
    } catch {
      if (attempt > 120) throw new Error("next start did not come up");
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  let sequence = 0;
  const registrationBody = () => {
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
  };
  async function rush(name: string, sessionFor: (index: number) => string) {
    let index = 0;
    const result = await autocannon({
      url: `http://localhost:${port}`,
      connections: clients,
      amount: requests,
      timeout: 60,
      requests: [
        {
          method: "POST",
          setupRequest: (request) => {
            index += 1;
            return {
              ...request,
              path: `/api/v1/sessions/${sessionFor(index)}/registrations`,
              headers: { "content-type": "application/json", "x-forwarded-for": `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` },
              body: registrationBody(),
            };
          },
        },
      ],
    });
    const ok = result["2xx"];
    results[name] = {
      requests: result.requests.sent,
      "registrations/s": Math.round((ok / result.duration) * 10) / 10,
      "p50 ms": result.latency.p50,
      "p95 ms": result.latency.p97_5 ?? result.latency.p90,
      "p99 ms": result.latency.p99,
      errors: result.errors + result.non2xx + result.timeouts,
    };
    return result;
  }

  console.log(`Rush: ${requests} registrations from ${clients} concurrent clients into one session of ${capacity} seats …`);
  await rush("rush (1 session)", () => rushSession!);
  const [counts] = await admin<{ confirmed: number; waitlisted: number }>(
    `SELECT count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed, count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted FROM registrations WHERE "sessionId" = '${rushSession}'`,
    databaseUrl,
  );
  const { confirmed, waitlisted } = counts!;
  results["rush (1 session)"]!.confirmed = confirmed;
  results["rush (1 session)"]!["exactly C confirmed"] = confirmed === capacity;
  results["rush (1 session)"]!.waitlisted = waitlisted;

  console.log("Ceiling: the same transaction straight to PostgreSQL …");
  // PostgreSQL's default max_connections is 100; the app holds BENCH_POOL of them.
  const ceilingPool = new pg.Pool({ connectionString: databaseUrl, max: Math.min(clients, 50) });
  const notice = (await admin<{ id: string }>(`SELECT id FROM privacy_notices LIMIT 1`, databaseUrl))[0]!.id;
  const ceilingStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < requests) {
        const index = next++;
        const connection = await ceilingPool.connect();
        try {
          await connection.query("BEGIN");
          const seat = await connection.query(`UPDATE sessions SET "confirmedCount" = "confirmedCount" + 1 WHERE id = $1 AND "confirmedCount" < capacity`, [ceilingSession]);
          const waiting = seat.rowCount === 1 ? null : (await connection.query(`UPDATE sessions SET "waitlistTicket" = "waitlistTicket" + 1 WHERE id = $1 RETURNING "waitlistTicket"`, [ceilingSession])).rows[0].waitlistTicket;
          await connection.query(
            `INSERT INTO registrations (id, "sessionId", status, "waitlistPosition", "firstName", "lastName", email, organisation, role, "privacyNoticeId", "consentedAt", "updatedAt")
             VALUES ($1, $2, $3, $4, 'Bench', 'Ceiling', $5, 'Gemeinde', 'ADMINISTRATION', $6, now(), now())`,
            [randomUUID(), ceilingSession, waiting === null ? "CONFIRMED" : "WAITLISTED", waiting, `ceiling.${index}@example.org`, notice],
          );
          await connection.query("COMMIT");
        } finally {
          connection.release();
        }
      }
    }),
  );
  const ceilingSeconds = (performance.now() - ceilingStart) / 1000;
  await ceilingPool.end();
  const ceiling = Math.round((requests / ceilingSeconds) * 10) / 10;
  results["ceiling (raw SQL)"] = { requests, "registrations/s": ceiling, errors: 0 };
  results["rush (1 session)"]!["ratio to ceiling"] = Math.round((Number(results["rush (1 session)"]!["registrations/s"]) / ceiling) * 100) / 100;

  console.log("Spread: the same load over 50 sessions …");
  await rush("spread (50 sessions)", (index) => spreadSessions[index % 50]!);

  for (const [name, path] of [
    ["read: programme page", "/"],
    ["read: session API", `/api/v1/sessions/${rushSession}`],
  ] as const) {
    console.log(`Reads: ${path} …`);
    const result = await autocannon({ url: `http://localhost:${port}${path}`, connections: 100, duration: 10, headers: { "accept-language": "de" } });
    results[name] = { "requests/s": Math.round(result.requests.average), "p50 ms": result.latency.p50, "p95 ms": result.latency.p97_5 ?? result.latency.p90, errors: result.errors + result.non2xx };
  }
  app.kill("SIGTERM");
  app = undefined;

  console.log("Outbox: delivering the queued messages to a local SMTP server …");
  let received = 0;
  const smtp = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS"], logger: false, onData(stream, _session, callback) { stream.on("data", () => {}); stream.on("end", () => { received += 1; callback(); }); } });
  await new Promise<void>((resolve) => smtp.listen(2599, "127.0.0.1", resolve));
  const { deliverDueMessages } = await import("../lib/email/deliver-outbox");
  const { createMailTransport } = await import("../lib/email/transport");
  await admin(`UPDATE outbox_messages SET status = 'SENT' WHERE id NOT IN (SELECT id FROM outbox_messages ORDER BY "createdAt" LIMIT 1000)`, databaseUrl);
  const transport = createMailTransport({ smtpUrl: "smtp://127.0.0.1:2599", from: { name: "Bench", address: "bench@example.org" } });
  const outboxStart = performance.now();
  for (;;) {
    const report = await deliverDueMessages({ batchSize: 50, transport });
    if (report.claimed === 0) break;
  }
  const outboxSeconds = (performance.now() - outboxStart) / 1000;
  transport.close();
  smtp.close();
  results["outbox → SMTP (1,000)"] = { messages: received, "messages/s": Math.round((received / outboxSeconds) * 10) / 10, seconds: Math.round(outboxSeconds * 10) / 10 };

  console.log("Export: 100,000 registrations to CSV and XLSX …");
  const { registrationColumns } = await import("../lib/export/columns");
  const { registrationsCsv } = await import("../lib/export/write-csv");
  const { registrationsXlsx } = await import("../lib/export/write-xlsx");
  const columns = registrationColumns("de", [{ id: "q1", label: "Erwartungen" }]);
  async function* rows() {
    for (let index = 0; index < 100_000; index++) {
      yield {
        registrationId: randomUUID(), workshop: "Vielfaltsorientierte Verwaltung stärken", sessionStartsAt: startsAt, status: "CONFIRMED", waitlistPosition: null,
        firstName: "Erika", lastName: `Mustermann ${index}`, email: `erika${index}@example.org`, organisation: "Stadt Musterhausen", role: "ADMINISTRATION",
        accessibilityNeeds: null, locale: "de", attended: index % 2 === 0, consentedAt: new Date(), privacyNoticeVersion: 1, registeredAt: new Date(), "q:q1": "Austausch, Praxis; \"Beispiele\"",
      };
    }
  }
  for (const [name, make] of [["export CSV (100,000)", () => registrationsCsv(rows(), columns, { delimiter: ";", timeZone: "Europe/Berlin", locale: "de" })], ["export XLSX (100,000)", () => registrationsXlsx(rows(), columns, { timeZone: "Europe/Berlin", sheetName: "Anmeldungen" })]] as const) {
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    let bytes = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const start = performance.now();
    await pipeline(make(), new Writable({ write(chunk, _encoding, callback) { bytes += chunk.length; callback(); } }));
    clearInterval(sampler);
    results[name] = { seconds: Math.round((performance.now() - start) / 100) / 10, "MB written": Math.round(bytes / 1e5) / 10, "peak RSS growth MB": Math.round((peak - baseline) / 1e5) / 10 };
  }
} finally {
  await cleanUp();
}

console.log(`\nKommA-Anmeldung benchmark (clients ${clients}, capacity ${capacity}, app pool ${pool})`);
console.table(results);
mkdirSync("bench-results", { recursive: true });
const file = `bench-results/bench-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), clients, capacity, pool, results }, null, 2));
console.log(`Written to ${file}`);
process.exit(0);
