// Playwright stops the e2e server without letting it drop its database; this
// drops it after the last test (on the server named by TEST_DATABASE_URL; an
// embedded database goes away with the server process).
import { readFileSync } from "node:fs";
import pg from "pg";

export default async function dropE2eDatabase(): Promise<void> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return;
  let name: string;
  try {
    name = new URL(readFileSync(".data/e2e-database-url", "utf8").trim()).pathname.slice(1);
  } catch {
    return;
  }
  if (!/^komma_e2e_[0-9_]+$/.test(name)) return;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
