// A fresh database per test run: on the PostgreSQL server named by
// TEST_DATABASE_URL when set (CI), else an in-memory embedded PGlite.
import pg from "pg";
import { startEmbeddedDatabase } from "../../lib/database/embedded";
import { migrateDatabase } from "../../lib/database/migrate";

export type TestDatabase = { url: string; embedded: boolean; drop: () => Promise<void> };

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedDatabase({});
    await migrateDatabase(embedded.url);
    return { url: embedded.url, embedded: true, drop: embedded.stop };
  }
  const name = `komma_${label}_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await dropStaleDatabases(admin);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  return {
    url: url.toString(),
    embedded: false,
    async drop() {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Test databases left behind by runs that were killed (older than two hours). */
async function dropStaleDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^komma_(it|e2e|bench)_[0-9]+'`);
  const cutoff = Date.now() - 2 * 3600_000;
  for (const { datname } of rows) {
    const createdAt = Number(datname.split("_")[2]);
    if (createdAt < cutoff) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
  }
}
