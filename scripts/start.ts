// `npm run dev` / `npm start`: runs Next.js against DATABASE_URL, or, when it
// is unset, against an embedded PGlite database kept in .data/pglite.
// Migrations are applied and an empty database gets the KommA programme.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/database/embedded";
import { migrateDatabase } from "../lib/database/migrate";

const mode = process.argv[2] === "start" ? "start" : "dev";
const root = fileURLToPath(new URL("..", import.meta.url));
const port = process.env.PORT ?? "3000";

let embedded: EmbeddedDatabase | undefined;
if (!process.env.DATABASE_URL) {
  embedded = await startEmbeddedDatabase({
    dataDir: process.env.PGLITE_DIR ?? `${root}.data/pglite`,
    port: Number(process.env.PGLITE_PORT ?? 0),
  });
  process.env.DATABASE_URL = embedded.url;
  process.env.DATABASE_POOL_SIZE = "1";
  // The try-out setup has no mail server: its mailbox is how people read their mail.
  process.env.MAILBOX_OPEN ??= "true";
  // …and somebody to sign in as, to try the organiser area (README).
  process.env.ADMIN_EMAILS ??= "admin@example.org";
  // A try-out installation needs no configuration: keep a generated secret beside the data.
  if (!process.env.AUTH_SECRET) {
    const secretFile = `${root}.data/auth-secret`;
    mkdirSync(`${root}.data`, { recursive: true });
    if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
    process.env.AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
  }
  console.log(`Embedded database (PGlite) at ${embedded.url}`);
}

await migrateDatabase(process.env.DATABASE_URL);

if (embedded) {
  // Seed through a child so that this process holds no second connection.
  const seeded = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", `${root}scripts/seed.ts`], {
    stdio: "inherit",
    env: process.env,
  });
  await new Promise((resolve) => seeded.on("exit", resolve));
}

process.env.APP_URL ??= `http://localhost:${port}`;
console.log(`\n  KommA-Anmeldung: ${process.env.APP_URL}`);
if (embedded) console.log(`  Mailbox: ${process.env.APP_URL}/mailbox · sign in at ${process.env.APP_URL}/anmelden as ${process.env.ADMIN_EMAILS}`);
console.log("");

const next = spawn(process.execPath, [`${root}node_modules/next/dist/bin/next`, mode, "--port", port], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});

const stop = (signal: NodeJS.Signals) => next.kill(signal);
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
next.on("exit", async (code) => {
  await embedded?.stop();
  process.exit(code ?? 0);
});
