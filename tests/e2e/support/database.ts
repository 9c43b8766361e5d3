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

/**
 * Puts the KommA programme back as seeded: no registrations or mail, the
 * seeded sessions and workshop texts as they were, sessions that other
 * tests added to the KommA workshops removed. Organisers' own data is kept.
 */
export async function resetSeedData(): Promise<void> {
  await withDatabase(async (client) => {
    await client.query("BEGIN");
    await client.query(`DELETE FROM outbox_messages WHERE "registrationId" IS NOT NULL`);
    await client.query(`DELETE FROM registrations WHERE "sessionId" IN (SELECT id FROM sessions WHERE "workshopId" IN (SELECT id FROM e2e_seed_workshops))`);
    await client.query(`DELETE FROM rate_limits`);
    await client.query(`DELETE FROM sessions WHERE "workshopId" IN (SELECT id FROM e2e_seed_workshops) AND id NOT IN (SELECT id FROM e2e_seed_sessions)`);
    await client.query(`
      UPDATE sessions s SET "startsAt" = e."startsAt", "endsAt" = e."endsAt", capacity = e.capacity, "confirmedCount" = 0, "waitlistTicket" = 0,
        "waitlistEnabled" = e."waitlistEnabled", "registrationOpensAt" = e."registrationOpensAt", "registrationClosesAt" = e."registrationClosesAt",
        status = e.status, "joinUrl" = e."joinUrl", sequence = e.sequence
      FROM e2e_seed_sessions e WHERE s.id = e.id`);
    await client.query(`
      UPDATE workshops w SET title = e.title, summary = e.summary, description = e.description, published = e.published,
        "doubleOptIn" = e."doubleOptIn", "requiresApproval" = e."requiresApproval", "guidingQuestions" = e."guidingQuestions",
        "evaluationEnabled" = e."evaluationEnabled", "evaluationRecipients" = e."evaluationRecipients"
      FROM e2e_seed_workshops e WHERE w.id = e.id`);
    // The seeded instruments' texts and which workshop presents which, in order.
    await client.query(`
      UPDATE instruments i SET title = e.title, "titleEn" = e."titleEn", slug = e.slug, summary = e.summary, description = e.description, position = e.position
      FROM e2e_seed_instruments e WHERE i.id = e.id`);
    await client.query(`DELETE FROM workshop_instruments WHERE "workshopId" IN (SELECT id FROM e2e_seed_workshops)`);
    await client.query(`INSERT INTO workshop_instruments SELECT * FROM e2e_seed_workshop_instruments`);
    await client.query("COMMIT");
  });
}
