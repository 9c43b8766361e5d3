import { spawnSync } from "node:child_process";
import { describe, expect, inject, it } from "vitest";

function prisma(...args: string[]) {
  return spawnSync(process.execPath, ["node_modules/prisma/build/index.js", ...args], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
}

describe("migrations through the pg driver adapter (no native engine download)", () => {
  it("report the database as up to date", () => {
    const result = prisma("migrate", "status");
    expect(result.stdout + result.stderr).toContain("Database schema is up to date");
    expect(result.status).toBe(0);
  });

  // Introspection selects columns of type `name` and "char" (our CHECK
  // constraints); without the adapter patch (patches/@prisma+adapter-pg+6.19.3.patch)
  // it fails with "Column type 'name' could not be deserialized" or a WebAssembly
  // "unreachable" panic, and with it `migrate dev` and `db pull` break.
  it("can introspect the live database, check constraints included", () => {
    const result = prisma("db", "pull", "--print");
    expect(result.stderr).not.toContain("could not be deserialized");
    expect(result.stderr).not.toContain("unreachable");
    expect(result.stdout).toContain("model Registration {");
    expect(result.status).toBe(0);
  });
});
