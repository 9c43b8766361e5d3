import "server-only";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

// Readiness for a load balancer or an operator's monitoring: the database
// answers and has every migration this build ships, plus how far the outbox
// is behind. Cheap enough to poll every few seconds: one round trip, a
// statement timeout, counts only (never a row's content).

/** What readiness needs of a connection pool (pg.Pool has it). */
export type SimpleQuery = { query(text: string): Promise<unknown> };

export type Readiness = {
  ready: boolean;
  /** "ok", or why not: the database did not answer (in time) or lacks migrations. */
  check: "ok" | "database-unreachable" | "timeout" | "migrations-missing";
  /** Names of this build's migrations the database has not applied. */
  missingMigrations: string[];
  outbox: { pending: number; oldestPendingSeconds: number | null } | null;
};

/** Limits for one check; the whole check gives up a little after the statement would. */
const STATEMENT_TIMEOUT_MS = 2_000;
const CHECK_TIMEOUT_MS = 3_000;

/** The migrations in a directory laid out like prisma/migrations (<name>/migration.sql). */
export function readMigrationNames(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(directory, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

let shipped: string[] | undefined;
/** The migrations this build ships, read once per process (the server runs from the project directory). */
function shippedMigrations(): string[] {
  shipped ??= readMigrationNames(join(process.cwd(), "prisma", "migrations"));
  return shipped;
}

// One simple-protocol round trip: the SET LOCAL holds for the implicit
// transaction of this multi-statement query only. A migration counts once it
// finished and was not rolled back (what `prisma migrate deploy` leaves).
const READINESS_SQL = `
  SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS};
  SELECT
    (SELECT coalesce(json_agg("migration_name"), '[]'::json) FROM "_prisma_migrations"
      WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL) AS "applied",
    (SELECT count(*)::int FROM "outbox_messages" WHERE "status" = 'PENDING') AS "pending",
    (SELECT floor(extract(epoch FROM now() - min("createdAt")))::int FROM "outbox_messages" WHERE "status" = 'PENDING') AS "oldest"`;

type ReadinessRow = { applied: string[]; pending: number; oldest: number | null };

export async function checkReadiness(pool: SimpleQuery, expectedMigrations?: string[]): Promise<Readiness> {
  const expected = expectedMigrations ?? shippedMigrations();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), CHECK_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([pool.query(READINESS_SQL), timeout]);
    if (result === "timeout") return { ready: false, check: "timeout", missingMigrations: [], outbox: null };
    const row = (result as { rows: ReadinessRow[] }[]).at(-1)?.rows[0];
    if (!row) return { ready: false, check: "database-unreachable", missingMigrations: [], outbox: null };
    const applied = new Set(row.applied);
    const missingMigrations = expected.filter((name) => !applied.has(name));
    return {
      ready: missingMigrations.length === 0,
      check: missingMigrations.length === 0 ? "ok" : "migrations-missing",
      missingMigrations,
      outbox: { pending: row.pending, oldestPendingSeconds: row.oldest },
    };
  } catch (error) {
    // A database without our tables (never migrated) is missing migrations, not unreachable.
    if ((error as { code?: unknown }).code === "42P01") return { ready: false, check: "migrations-missing", missingMigrations: expected, outbox: null };
    if ((error as { code?: unknown }).code === "57014") return { ready: false, check: "timeout", missingMigrations: [], outbox: null };
    return { ready: false, check: "database-unreachable", missingMigrations: [], outbox: null };
  } finally {
    clearTimeout(timer);
  }
}
