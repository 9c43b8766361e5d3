// Direct access to the deployment's database (not through the cuttable
// proxy), to find sessions and to compare what was stored with what clients
// were told.
import pg from "pg";
import { readState } from "./deployment";

export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: readState().databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The seeded sessions of a workshop, earliest first. */
export async function sessionIdsOf(workshopSlug: string): Promise<string[]> {
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `SELECT s.id FROM sessions s JOIN workshops w ON w.id = s."workshopId" WHERE w.slug = $1 ORDER BY s."startsAt"`,
      [workshopSlug],
    );
    return rows.map((row) => row.id);
  });
}

/** Rate-limit counters are per client address, and every spec's browser comes from 127.0.0.1. */
export async function clearRateLimits(): Promise<void> {
  await withDatabase((client) => client.query("DELETE FROM rate_limits"));
}
