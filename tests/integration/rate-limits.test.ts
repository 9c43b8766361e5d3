import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { mayRequestSignIn } from "@/lib/auth/sign-in-policy";
import { db } from "@/lib/db";
import { claimRunAfter } from "@/lib/jobs/claim-daily-run";
import { RATE_LIMIT_CLEANUP_JOB, runPeriodicJobs } from "@/lib/jobs/run-periodic-jobs";
import { eraseDataForEmail } from "@/lib/privacy/data-subject";
import { consumeRateLimit, RATE_LIMITS, type RateLimitRule } from "@/lib/rate-limit/consume-rate-limit";
import { deleteExpiredRateLimits } from "@/lib/rate-limit/delete-expired-rate-limits";
import { registerParticipant } from "@/lib/registrations/register-participant";
import { createProgrammeWithSession } from "../helpers/factories";
import { registrationFields } from "../helpers/registrations";

// The counters live in PostgreSQL; time is moved by moving a counter's
// window back in the table, never by waiting.

const MINUTE = 60_000;

function keyOf(ruleName: string, subject: string): string {
  return `${ruleName}:${createHash("sha256").update(subject).digest("base64url")}`;
}

function counter(key: string) {
  return db.rateLimit.findUnique({ where: { key }, select: { count: true, windowStart: true, expiresAt: true } });
}

/** As if the counter's window had started `minutes` earlier than it did. */
async function moveWindowBack(key: string, minutes: number) {
  const moved = await db.$executeRaw`
    UPDATE "rate_limits" SET "windowStart" = "windowStart" - make_interval(mins => ${minutes}::int),
      "expiresAt" = "expiresAt" - make_interval(mins => ${minutes}::int)
    WHERE "key" = ${key}`;
  expect(moved).toBe(1);
}

function uniqueIp(): string {
  const bytes = randomUUID().replace(/-/g, "").slice(0, 4);
  return `2001:db8::${bytes}`;
}

function person(sessionId: string, email: string) {
  return registrationFields(sessionId, { email, firstName: "Rita", lastName: "Rate", organisation: "Stadt Beispiel" });
}

describe("a rate limit", () => {
  const rule: RateLimitRule = { name: `test:${randomUUID().slice(0, 8)}`, limit: 3, windowSeconds: 600 };

  it("allows the limit within a window and refuses the next attempt, for that subject only", async () => {
    const subject = randomUUID();
    const answers = [];
    for (let attempt = 0; attempt < 4; attempt++) answers.push(await consumeRateLimit(rule, subject));
    expect(answers).toEqual([true, true, true, false]);
    expect(await consumeRateLimit(rule, randomUUID())).toBe(true);
  });

  it("counts from one again once the window has passed: no permanent lock-out", async () => {
    const subject = randomUUID();
    for (let attempt = 0; attempt < 5; attempt++) await consumeRateLimit(rule, subject);
    expect(await consumeRateLimit(rule, subject)).toBe(false);

    await moveWindowBack(keyOf(rule.name, subject), 11);

    expect(await consumeRateLimit(rule, subject)).toBe(true);
    const row = await counter(keyOf(rule.name, subject));
    expect(row?.count).toBe(1);
    expect(row!.windowStart.getTime()).toBeGreaterThan(Date.now() - MINUTE);
    expect(await consumeRateLimit(rule, subject)).toBe(true);
    expect(await consumeRateLimit(rule, subject)).toBe(true);
    expect(await consumeRateLimit(rule, subject)).toBe(false);
  });

  it("keeps counting within the window: a window just short of its end still refuses", async () => {
    const subject = randomUUID();
    for (let attempt = 0; attempt < 3; attempt++) await consumeRateLimit(rule, subject);
    await moveWindowBack(keyOf(rule.name, subject), 9);
    expect(await consumeRateLimit(rule, subject)).toBe(false);
  });

  it("stores when its window ends, and moves the end with a new window", async () => {
    const subject = randomUUID();
    const before = Date.now();
    await consumeRateLimit(rule, subject);
    const first = await counter(keyOf(rule.name, subject));
    expect(first!.expiresAt.getTime() - first!.windowStart.getTime()).toBe(rule.windowSeconds * 1000);
    expect(first!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + rule.windowSeconds * 1000 - 1_000);

    await consumeRateLimit(rule, subject);
    expect((await counter(keyOf(rule.name, subject)))!.expiresAt).toEqual(first!.expiresAt);

    await moveWindowBack(keyOf(rule.name, subject), 20);
    await consumeRateLimit(rule, subject);
    const renewed = await counter(keyOf(rule.name, subject));
    expect(renewed!.expiresAt.getTime() - renewed!.windowStart.getTime()).toBe(rule.windowSeconds * 1000);
    expect(renewed!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });
});

describe("registrations from one IP address", () => {
  it("are refused from the 31st within ten minutes, whatever the addresses, and allowed again after the window", async () => {
    const { sessionId } = await createProgrammeWithSession({ capacity: 40, waitlistEnabled: false });
    const ip = uniqueIp();
    const stamp = randomUUID().slice(0, 8);
    const outcomes = [];
    for (let index = 0; index < 31; index++) {
      outcomes.push(await registerParticipant(person(sessionId, `ip-${stamp}-${index}@example.org`), { ip }));
    }
    expect(outcomes.slice(0, 30).every((outcome) => outcome.ok)).toBe(true);
    expect(outcomes[30]).toMatchObject({ ok: false, code: "rate-limited" });
    expect(await db.registration.count({ where: { sessionId } })).toBe(30);

    // Another address is not held back by this one.
    expect(await registerParticipant(person(sessionId, `other-ip-${stamp}@example.org`), { ip: uniqueIp() })).toMatchObject({ ok: true });

    await moveWindowBack(keyOf(RATE_LIMITS.registrationPerIp.name, ip), 11);
    expect(await registerParticipant(person(sessionId, `ip-${stamp}-later@example.org`), { ip })).toMatchObject({ ok: true });
    expect(await db.registration.count({ where: { sessionId } })).toBe(32);
  });
});

describe("registrations of one email address", () => {
  it("are refused from the 6th within an hour even when the IP address is well within its own limit", async () => {
    const email = `email-limit-${randomUUID().slice(0, 8)}@example.org`;
    const ip = uniqueIp();
    const sessions = [];
    for (let index = 0; index < 6; index++) sessions.push((await createProgrammeWithSession()).sessionId);
    const outcomes = [];
    for (const sessionId of sessions) outcomes.push(await registerParticipant(person(sessionId, email), { ip }));
    expect(outcomes.slice(0, 5).every((outcome) => outcome.ok)).toBe(true);
    expect(outcomes[5]).toMatchObject({ ok: false, code: "rate-limited" });
    expect(await db.registration.count({ where: { email } })).toBe(5);
  });
});

describe("sign-in links to one address", () => {
  it("are sent at most five times in fifteen minutes, and again once the window has passed", async () => {
    const email = `signin-limit-${randomUUID().slice(0, 8)}@example.org`;
    await db.user.create({ data: { email, role: "ORGANISER" }, select: { id: true } });
    const answers = [];
    for (let attempt = 0; attempt < 6; attempt++) answers.push(await mayRequestSignIn(email));
    expect(answers).toEqual([true, true, true, true, true, false]);
    await moveWindowBack(keyOf("signin:email", email), 16);
    expect(await mayRequestSignIn(email)).toBe(true);
  });
});

describe("ended rate-limit windows", () => {
  it("are deleted, while counters whose window is still running are kept", async () => {
    const rule: RateLimitRule = { name: `test:${randomUUID().slice(0, 8)}`, limit: 5, windowSeconds: 600 };
    const [ended, running] = [randomUUID(), randomUUID()];
    await consumeRateLimit(rule, ended);
    await consumeRateLimit(rule, running);
    await moveWindowBack(keyOf(rule.name, ended), 11);

    expect(await deleteExpiredRateLimits()).toBeGreaterThanOrEqual(1);

    expect(await counter(keyOf(rule.name, ended))).toBeNull();
    expect(await counter(keyOf(rule.name, running))).toMatchObject({ count: 1 });
    // The deleted window's subject simply starts a new one.
    expect(await consumeRateLimit(rule, ended)).toBe(true);
    expect(await counter(keyOf(rule.name, ended))).toMatchObject({ count: 1 });
  });

  it("are deleted by one instance about hourly from the periodic round", async () => {
    const job = `test-${randomUUID()}`;
    const start = new Date();
    const claims = await Promise.all(Array.from({ length: 5 }, () => claimRunAfter(job, 3300, start)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimRunAfter(job, 3300, new Date(start.getTime() + 54 * MINUTE))).toBe(false);
    expect(await claimRunAfter(job, 3300, new Date(start.getTime() + 55 * MINUTE))).toBe(true);

    // Long before any test data: the round deletes nothing but claims the run.
    const past = new Date(Date.now() - 400 * 24 * 60 * MINUTE);
    await db.jobRun.deleteMany({ where: { name: RATE_LIMIT_CLEANUP_JOB } });
    const rounds = await Promise.all([runPeriodicJobs(past), runPeriodicJobs(past)]);
    expect(rounds.flatMap((round) => round.failures)).toEqual([]);
    expect(rounds.map((round) => round.rateLimitsDeleted).sort()).toEqual([0, null]);
    expect((await runPeriodicJobs(new Date(past.getTime() + 30 * MINUTE))).rateLimitsDeleted).toBeNull();
    expect((await runPeriodicJobs(new Date(past.getTime() + 60 * MINUTE))).rateLimitsDeleted).toBe(0);
  });
});

describe("erasing an address", () => {
  it("deletes the counters of its registration and sign-in attempts, and nobody else's", async () => {
    const { sessionId } = await createProgrammeWithSession();
    const stamp = randomUUID().slice(0, 8);
    const email = `erase-counters-${stamp}@example.org`;
    const bystander = `bystander-${stamp}@example.org`;
    const ip = uniqueIp();
    expect(await registerParticipant(person(sessionId, email), { ip })).toMatchObject({ ok: true });
    expect(await registerParticipant(person(sessionId, bystander), { ip })).toMatchObject({ ok: true });
    await db.user.create({ data: { email, role: "ORGANISER" }, select: { id: true } });
    expect(await mayRequestSignIn(email)).toBe(true);
    const ownKeys = [keyOf(RATE_LIMITS.registrationPerEmail.name, email), keyOf("signin:email", email)];
    for (const key of ownKeys) expect(await counter(key), key).not.toBeNull();

    const erased = await eraseDataForEmail(` ${email.toUpperCase()}`, { id: null, email: "datenschutz@example.org" });

    expect(erased.ok && erased.counts.rateLimitCountersDeleted).toBe(2);
    for (const key of ownKeys) expect(await counter(key), key).toBeNull();
    expect(await counter(keyOf(RATE_LIMITS.registrationPerEmail.name, bystander))).not.toBeNull();
    // The IP's counter is not the person's: it stays until its window ends.
    expect(await counter(keyOf(RATE_LIMITS.registrationPerIp.name, ip))).toMatchObject({ count: 2 });
  });
});
