// Serves the production build (`next build` ran before) on a fresh database
// with the KommA programme, for the Playwright tests, through the same
// launcher as `npm start` (scripts/start.ts: production mode, its own HTTP
// server in front of Next.js).
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createTestDatabase } from "./test-database";

const port = process.env.E2E_PORT ?? "3210";
const database = await createTestDatabase("e2e");
process.env.DATABASE_URL = database.url;
process.env.DATABASE_POOL_SIZE = database.embedded ? "1" : "10";
// The tests read the database address from here to arrange data and read the outbox.
mkdirSync(".data", { recursive: true });
writeFileSync(".data/e2e-database-url", database.url);

const { db, disconnectDb } = await import("../../lib/db");
const { seedKomma } = await import("../../lib/seed/seed-komma");
await seedKomma(db, { dates: "upcoming" });
// A copy of the seeded sessions and workshops, so that each public-page test can start from them (tests/e2e/support/database.ts).
await db.$executeRawUnsafe(`CREATE TABLE "e2e_seed_sessions" AS SELECT * FROM "sessions"`);
await db.$executeRawUnsafe(`CREATE TABLE "e2e_seed_workshops" AS SELECT * FROM "workshops"`);
await db.$executeRawUnsafe(`CREATE TABLE "e2e_seed_instruments" AS SELECT * FROM "instruments"`);
await db.$executeRawUnsafe(`CREATE TABLE "e2e_seed_workshop_instruments" AS SELECT * FROM "workshop_instruments"`);
await disconnectDb();

const server = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts", "start"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: port,
    // The tests read every message in the built-in mailbox, without signing in.
    MAIL_DELIVERY: "mailbox",
    MAILBOX_OPEN: "true",
    APP_URL: `http://localhost:${port}`,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret-e2e",
    // The organiser tests sign in as this first administrator (created on the first sign-in request).
    ADMIN_EMAILS: process.env.ADMIN_EMAILS ?? "admin@komma.example.org",
    // Request lines would bury Playwright's own output; warnings and errors still show.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    NEXT_TELEMETRY_DISABLED: "1",
    // The tests change the database directly between page loads, which the
    // public page cache would hide for its two seconds; the production suite
    // (tests/e2e-production) runs with it.
    PUBLIC_PAGE_CACHE_MS: process.env.PUBLIC_PAGE_CACHE_MS ?? "0",
  },
});

async function shutdown() {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  await database.drop();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
