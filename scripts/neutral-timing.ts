// Times the public registration API for a new address, the same address again
// and an address registered for the other date (docs/decisions/0014), against
// a running server: `tsx scripts/neutral-timing.ts <base url> <database url>`.
// Requests are interleaved (new, repeat, other date, new, …) so that drift in
// the machine's load falls on all three alike. A benchmark, not a test.
import "./load-env";
import { performance } from "node:perf_hooks";
import pg from "pg";

const [baseUrl = "http://localhost:3224", databaseUrl] = process.argv.slice(2);
if (!databaseUrl) throw new Error("usage: tsx scripts/neutral-timing.ts <base url> <database url>");
const rounds = 30;

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const { rows: sessions } = await client.query<{ id: string }>(
  `SELECT s.id FROM sessions s WHERE s."workshopId" = (SELECT "workshopId" FROM sessions GROUP BY "workshopId" HAVING count(*) >= 2 LIMIT 1) ORDER BY s."startsAt" LIMIT 2`,
);
const [target, other] = sessions.map((session) => session.id) as [string, string];
await client.query(`UPDATE sessions SET capacity = "confirmedCount" + 1000 WHERE id = ANY($1::uuid[])`, [[target, other]]);
const { rows: notice } = await client.query<{ version: number }>(`SELECT max(version)::int AS version FROM privacy_notices`);

let ip = 0;
async function register(sessionId: string, email: string): Promise<{ ms: number; status: number; body: string }> {
  ip += 1;
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/v1/sessions/${sessionId}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `10.77.${ip >> 8}.${ip & 255}` },
    body: JSON.stringify({
      firstName: "Tim",
      lastName: "Messung",
      email,
      organisation: "Stadt Beispiel",
      role: "ADMINISTRATION",
      consent: true,
      privacyNoticeVersion: notice[0]!.version,
    }),
  });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

const run = Date.now().toString(36);
// Warm-up, and the registrations the repeats and the other-date attempts meet.
for (let index = 0; index < 10; index++) await register(target, `warm.${run}.${index}@example.org`);
for (let index = 0; index < rounds; index++) {
  await register(target, `wieder.${run}.${index}@example.org`);
  await register(other, `andere.${run}.${index}@example.org`);
}
const times: Record<"new" | "repeat" | "other date", number[]> = { new: [], repeat: [], "other date": [] };
const answers = new Set<string>();
for (let index = 0; index < rounds; index++) {
  for (const [kind, email] of [
    ["new", `neu.${run}.${index}`],
    ["repeat", `wieder.${run}.${index}`],
    ["other date", `andere.${run}.${index}`],
  ] as const) {
    const answer = await register(target, `${email}@example.org`);
    times[kind].push(answer.ms);
    answers.add(`${answer.status} ${answer.body}`);
  }
}
const { rows: stored } = await client.query<{ kind: string; count: number }>(
  `SELECT kind, count(*)::int AS count FROM outbox_messages WHERE "toAddress" LIKE $1 GROUP BY kind ORDER BY kind`,
  [`%.${run}.%`],
);
await client.end();

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;
console.table(
  Object.fromEntries(
    Object.entries(times).map(([kind, values]) => [
      kind,
      { "median ms": quantile(values, 0.5).toFixed(2), "p10 ms": quantile(values, 0.1).toFixed(2), "p90 ms": quantile(values, 0.9).toFixed(2) },
    ]),
  ),
);
console.log(`distinct answers: ${answers.size}`, [...answers]);
console.log("queued emails", stored);
