import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// The launcher's refusal happens before anything is built, started or
// migrated, so this needs neither a build nor a database.
function launch(env: Record<string, string> & { NODE_ENV: "production" }) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(DATABASE_URL|AUTH_SECRET|APP_URL|SMTP_URL|MAIL_DELIVERY|KOMMA_TRYOUT|NODE_ENV|HOSTNAME|TRUST_PROXY)$/.test(name),
    ),
  );
  return spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts", "start"], {
    env: { ...inherited, PORT: "0", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe("npm start with NODE_ENV=production", () => {
  it("refuses to start without a database, naming everything that is missing, instead of falling back to the try-out setup", () => {
    const result = launch({ NODE_ENV: "production" });
    expect(result.status).toBe(1);
    for (const name of ["DATABASE_URL", "AUTH_SECRET", "APP_URL", "SMTP_URL", "MAIL_DELIVERY=mailbox"]) expect(result.stderr).toContain(name);
    expect(result.stdout).not.toContain("Embedded database");
    expect(result.stdout).not.toContain("Mailbox:");
  });

  it("names only what is still missing", () => {
    const result = launch({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none",
      APP_URL: "https://anmeldung.example.org",
      MAIL_DELIVERY: "mailbox",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("AUTH_SECRET");
    expect(result.stderr).not.toContain("DATABASE_URL");
    expect(result.stderr).not.toContain("SMTP_URL");
  });

  it("refuses a TRUST_PROXY it cannot read", () => {
    const result = launch({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none",
      APP_URL: "https://anmeldung.example.org",
      AUTH_SECRET: "x".repeat(40),
      SMTP_URL: "smtp://127.0.0.1:1",
      TRUST_PROXY: "nginx",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("TRUST_PROXY");
  });
});
