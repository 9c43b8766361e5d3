import { afterEach, describe, expect, it, vi } from "vitest";

// env() is read once per process; each case loads a fresh copy of the module.
async function loadEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const name of [
    "NODE_ENV",
    "DATABASE_URL",
    "AUTH_SECRET",
    "APP_URL",
    "SMTP_URL",
    "MAIL_DELIVERY",
    "MAILBOX_OPEN",
    "KOMMA_TRYOUT",
    "TRUST_PROXY",
    "LOG_LEVEL",
  ]) {
    vi.stubEnv(name, vars[name]);
  }
  return import("@/lib/env");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const production = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://komma@db.intern:5432/komma",
  AUTH_SECRET: "x".repeat(44),
  APP_URL: "https://anmeldung.example.org",
};

describe("the environment in production", () => {
  it("keeps the mailbox closed unless MAILBOX_OPEN=true is set explicitly", async () => {
    expect((await loadEnv({ ...production, MAIL_DELIVERY: "mailbox" })).env().MAILBOX_OPEN).toBe(false);
    expect((await loadEnv({ ...production, SMTP_URL: "smtp://relay.intern:25" })).env().MAILBOX_OPEN).toBe(false);
    expect((await loadEnv({ ...production, MAIL_DELIVERY: "mailbox", KOMMA_TRYOUT: "false" })).env().MAILBOX_OPEN).toBe(false);
    expect((await loadEnv({ ...production, MAIL_DELIVERY: "mailbox", MAILBOX_OPEN: "true" })).env().MAILBOX_OPEN).toBe(true);
  });

  it("refuses to load with what is missing named (the worker and a bare next start go through here)", async () => {
    const { env } = await loadEnv({ NODE_ENV: "production", DATABASE_URL: production.DATABASE_URL });
    expect(() => env()).toThrow(/AUTH_SECRET[\s\S]*APP_URL[\s\S]*SMTP_URL/);
  });

  it("delivers through SMTP when SMTP_URL is set, and to the mailbox when MAIL_DELIVERY=mailbox says so", async () => {
    expect((await loadEnv({ ...production, SMTP_URL: "smtp://relay.intern:25" })).usesBuiltInMailbox()).toBe(false);
    expect((await loadEnv({ ...production, SMTP_URL: "smtp://relay.intern:25", MAIL_DELIVERY: "mailbox" })).usesBuiltInMailbox()).toBe(true);
    expect((await loadEnv({ ...production, MAIL_DELIVERY: "mailbox" })).usesBuiltInMailbox()).toBe(true);
  });

  it("reads TRUST_PROXY as hops or addresses", async () => {
    expect((await loadEnv({ ...production, MAIL_DELIVERY: "mailbox", TRUST_PROXY: "true" })).env().TRUST_PROXY).toEqual({ kind: "hops", hops: 1 });
    expect((await loadEnv({ ...production, MAIL_DELIVERY: "mailbox" })).env().TRUST_PROXY).toEqual({ kind: "none" });
    expect((await loadEnv({ ...production, MAIL_DELIVERY: "mailbox", TRUST_PROXY: "127.0.0.1" })).env().TRUST_PROXY.kind).toBe("addresses");
  });

  it("knows https from APP_URL (Secure cookies, HSTS)", async () => {
    expect((await loadEnv({ ...production, MAIL_DELIVERY: "mailbox" })).appUsesHttps()).toBe(true);
    expect((await loadEnv({ ...production, MAIL_DELIVERY: "mailbox", APP_URL: "http://anmeldung.intranet" })).appUsesHttps()).toBe(false);
  });
});

describe("the environment in the try-out", () => {
  it("opens the mailbox by default, also for `npm start` (NODE_ENV=production with KOMMA_TRYOUT)", async () => {
    expect((await loadEnv({ DATABASE_URL: production.DATABASE_URL })).env().MAILBOX_OPEN).toBe(true);
    const started = (await loadEnv({ NODE_ENV: "production", KOMMA_TRYOUT: "true", DATABASE_URL: production.DATABASE_URL })).env();
    expect(started).toMatchObject({ MAILBOX_OPEN: true, tryOut: true });
  });
});
