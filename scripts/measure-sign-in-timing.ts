// tsx scripts/measure-sign-in-timing.ts <appUrl> <databaseUrl> [count=50] [pauseMs=200]
// Times "Link zum Einloggen anfordern" for known and unknown addresses
// against a running production build (docs/decisions/0013): `count` fresh
// users and `count` fresh unknown addresses, asked for alternately, one at a
// time, each address once (so the per-address limit never cuts the work
// short), with a pause between requests so that one request's work after
// its answer does not slow the next one measured. Prints the median and 90th percentile per kind and whether the
// answers were identical. A measurement, not a test: nothing asserts on time.
import "./load-env";
import { randomUUID } from "node:crypto";
import pg from "pg";

const [appUrl = "http://localhost:3000", databaseUrl = "postgresql://postgres@127.0.0.1:5432/postgres", countArg = "50", pauseArg = "200"] =
  process.argv.slice(2);
const count = Number(countArg);
const pauseMs = Number(pauseArg);
const run = randomUUID().slice(0, 8);
const known = Array.from({ length: count + 5 }, (_, index) => `timing-known-${run}-${index}@example.org`);
const unknown = Array.from({ length: count + 5 }, (_, index) => `timing-unknown-${run}-${index}@example.org`);

const database = new pg.Client({ connectionString: databaseUrl });
await database.connect();
await database.query(`INSERT INTO users (id, email, role, "updatedAt") SELECT gen_random_uuid(), unnest($1::text[]), 'ORGANISER', now()`, [known]);

const csrf = await fetch(`${appUrl}/api/auth/csrf`);
const cookie = csrf.headers
  .getSetCookie()
  .map((header) => header.split(";")[0])
  .join("; ");
const { csrfToken } = (await csrf.json()) as { csrfToken: string };

async function ask(email: string): Promise<{ ms: number; answer: string }> {
  const started = performance.now();
  const response = await fetch(`${appUrl}/api/auth/signin/email`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, callbackUrl: "/organisation" }),
  });
  const ms = performance.now() - started;
  await response.arrayBuffer();
  return { ms, answer: `${response.status} ${response.headers.get("location")}` };
}

const times: Record<"known" | "unknown", number[]> = { known: [], unknown: [] };
const answers = new Set<string>();
for (let index = 0; index < count + 5; index++) {
  // Alternate which kind goes first, so neither always follows the other's background work.
  const order = index % 2 === 0 ? (["known", "unknown"] as const) : (["unknown", "known"] as const);
  for (const kind of order) {
    const { ms, answer } = await ask(kind === "known" ? known[index]! : unknown[index]!);
    answers.add(answer);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    if (index >= 5) times[kind].push(ms); // the first five of each warm up
  }
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length - 1) * p))]!;
for (const kind of ["known", "unknown"] as const) {
  console.log(
    `${kind.padEnd(8)} n=${times[kind].length} median=${percentile(times[kind], 0.5).toFixed(1)} ms p90=${percentile(times[kind], 0.9).toFixed(1)} ms`,
  );
}
console.log(`distinct answers: ${answers.size} (${[...answers].join(" | ")})`);
await new Promise((resolve) => setTimeout(resolve, 2000));
const { rows } = await database.query<{ n: string }>(`SELECT count(*) AS n FROM outbox_messages WHERE "toAddress" = ANY($1::text[])`, [known]);
console.log(`sign-in mails written for the known addresses: ${rows[0]!.n} of ${known.length}`);
await database.query(`DELETE FROM outbox_messages WHERE "toAddress" = ANY($1::text[])`, [known]);
await database.query(`DELETE FROM auth_verification_tokens WHERE identifier = ANY($1::text[])`, [known]);
await database.query(`DELETE FROM users WHERE email = ANY($1::text[])`, [known]);
await database.end();
