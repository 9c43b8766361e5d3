import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { sqlPool } from "@/lib/db";
import { checkReadiness, readMigrationNames } from "@/lib/health/check-readiness";

// Readiness against the real test database (migrated by the global setup),
// against a server that refuses connections, and with a migration missing.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("readiness", () => {
  it("is ready on a migrated database and reports the outbox backlog, by counts only", async () => {
    const id = randomUUID();
    await sqlPool().query(
      `INSERT INTO "outbox_messages" ("id", "messageId", "kind", "toAddress", "subject", "html", "text", "attachments", "status", "attempts", "nextAttemptAt", "createdAt")
       VALUES ($1, $2, 'test', 'erika.readiness@example.org', 'Betreff', '<p>x</p>', 'x', '[]', 'PENDING', 0, now() + interval '1 hour', now() - interval '2 minutes')`,
      [id, `<${id}@komma.test>`],
    );
    cleanups.push(() => sqlPool().query(`DELETE FROM "outbox_messages" WHERE "id" = $1`, [id]));

    const readiness = await checkReadiness(sqlPool());
    expect(readiness).toMatchObject({ ready: true, check: "ok", missingMigrations: [] });
    expect(readiness.outbox!.pending).toBeGreaterThanOrEqual(1);
    expect(readiness.outbox!.oldestPendingSeconds).toBeGreaterThanOrEqual(120);
    expect(JSON.stringify(readiness)).not.toContain("@");
  });

  it("checks every migration the build ships", () => {
    expect(readMigrationNames(join(process.cwd(), "prisma", "migrations"))).toContain("20261126000000_init");
  });

  it("is not ready when the database refuses connections", async () => {
    const refusing = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:1/postgres", connectionTimeoutMillis: 2_000 });
    refusing.on("error", () => {});
    cleanups.push(() => refusing.end());
    expect(await checkReadiness(refusing, ["20261126000000_init"])).toEqual({
      ready: false,
      check: "database-unreachable",
      missingMigrations: [],
      outbox: null,
    });
  });

  it("is not ready when a migration of this build is not recorded as applied", async () => {
    const names = readMigrationNames(join(process.cwd(), "prisma", "migrations"));
    const last = names.at(-1)!;
    const { rows } = await sqlPool().query(`DELETE FROM "_prisma_migrations" WHERE "migration_name" = $1 RETURNING *`, [last]);
    expect(rows).toHaveLength(1);
    cleanups.push(async () => {
      const row = rows[0] as Record<string, unknown>;
      const columns = Object.keys(row);
      await sqlPool().query(
        `INSERT INTO "_prisma_migrations" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES (${columns.map((_, index) => `$${index + 1}`).join(", ")})`,
        columns.map((column) => row[column]),
      );
    });
    const readiness = await checkReadiness(sqlPool(), names);
    expect(readiness).toMatchObject({ ready: false, check: "migrations-missing", missingMigrations: [last] });
  });

  it("is not ready when a shipped migration is unknown to the database (a newer build before `migrate deploy`)", async () => {
    const directory = mkdtempSync(join(tmpdir(), "komma-migrations-"));
    for (const name of [...readMigrationNames(join(process.cwd(), "prisma", "migrations")), "29991231000000_future"]) {
      mkdirSync(join(directory, name));
      writeFileSync(join(directory, name, "migration.sql"), "SELECT 1;");
    }
    const readiness = await checkReadiness(sqlPool(), readMigrationNames(directory));
    expect(readiness).toMatchObject({ ready: false, check: "migrations-missing", missingMigrations: ["29991231000000_future"] });
  });
});
