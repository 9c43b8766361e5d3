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
