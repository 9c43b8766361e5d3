// Direct access to the e2e server's database, to arrange situations (a full
// session) and to read what the app stored.
import { readFileSync } from "node:fs";
import pg from "pg";

export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: readFileSync(".data/e2e-database-url", "utf8").trim() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function sessionIdOf(workshopSlug: string, index = 0): Promise<string> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `SELECT s.id FROM sessions s JOIN workshops w ON w.id = s."workshopId" WHERE w.slug = $1 ORDER BY s."startsAt" LIMIT 1 OFFSET $2`,
      [workshopSlug, index],
    );
    return rows[0]!.id;
  });
}
