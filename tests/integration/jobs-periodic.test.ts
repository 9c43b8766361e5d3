import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { claimDailyRun } from "@/lib/jobs/claim-daily-run";
import { releaseExpiredHolds } from "@/lib/jobs/release-expired-holds";
import { runPeriodicJobs, RETENTION_JOB } from "@/lib/jobs/run-periodic-jobs";
import { sendDueReminders } from "@/lib/jobs/send-due-reminders";
import { takeSeat } from "@/lib/registrations/seats";
import { createProgrammeWithSession } from "../helpers/factories";
import { registerForTest, uniqueEmail } from "../helpers/registrations";

// Other test files share the database and may leave due sessions or holds
// behind; the jobs process those too, so every assertion looks only at this
// test's own session and people. The concurrent calls race only on the
// real PostgreSQL (TEST_DATABASE_URL); the embedded database serialises them.

const HOUR = 3_600_000;

/** A double-opt-in registration holding a seat until `holdExpiresAt` (the flow itself is the lead's). */
async function insertHold(target: { sessionId: string; privacyNoticeId: string }, email: string, holdExpiresAt: Date, extra: { emailConfirmedAt?: Date } = {}) {
  return db.$transaction(async (tx) => {
    if (!(await takeSeat(tx, target.sessionId))) throw new Error("no seat for the hold");
    return tx.registration.create({
      data: {
        sessionId: target.sessionId,
        status: "PENDING",
        firstName: "Halte",
        lastName: "Platz",
        email,
        organisation: "Gemeinde Beispiel",
        role: "CIVIL_SOCIETY",
        privacyNoticeId: target.privacyNoticeId,
        consentedAt: new Date(),
        holdExpiresAt,
        ...extra,
      },
      select: { id: true },
    });
  });
}

/** Moves the session so that its start lies `hours` from now. */
async function startIn(sessionId: string, hours: number, reminderHours = 24) {
  const startsAt = new Date(Date.now() + hours * HOUR);
  await db.session.update({ where: { id: sessionId }, data: { startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), reminderHours } });
}

function remindersOf(sessionId: string) {
  return db.outboxMessage.findMany({
    where: { kind: "reminder", registration: { sessionId } },
    select: { toAddress: true, text: true, attachments: true, registrationId: true },
  });
}

describe("reminders before a session", () => {
  it("reach every confirmed participant exactly once, even with two workers at the same moment and after a restart", async () => {
    const target = await createProgrammeWithSession({ capacity: 2 });
    const confirmed = uniqueEmail("confirmed");
    const holding = uniqueEmail("holding");
    const waiting = uniqueEmail("waiting");
    const { registrationId } = await registerForTest(target.sessionId, { email: confirmed });
    await insertHold(target, holding, new Date(Date.now() + 48 * HOUR));
    expect((await registerForTest(target.sessionId, { email: waiting })).status).toBe("WAITLISTED");
    await startIn(target.sessionId, 20);
    const tokensBefore = await db.manageToken.count({ where: { registrationId } });

    const now = new Date();
    await Promise.all([sendDueReminders(now), sendDueReminders(now)]);
    // A restarted worker an hour later finds the session already reminded.
    await sendDueReminders(new Date(now.getTime() + HOUR));

    const reminders = await remindersOf(target.sessionId);
    expect(reminders.map((reminder) => reminder.toAddress)).toEqual([confirmed]);
    const [reminder] = reminders;
    expect(reminder?.text).toContain("https://video.example.org/raum");
    expect(reminder?.text).toContain("/r/");
    expect(reminder?.text).toContain("20 Stunden");
    expect(JSON.stringify(reminder?.attachments)).toContain("METHOD:REQUEST");
    // The manage link in the reminder is a fresh one.
    expect(await db.manageToken.count({ where: { registrationId } })).toBe(tokensBefore + 1);
    const session = await db.session.findUniqueOrThrow({ where: { id: target.sessionId }, select: { reminderSentAt: true } });
    expect(session.reminderSentAt).not.toBeNull();
  });

  it("wait until the session's reminder time and are not sent once it has started or when switched off", async () => {
    const later = await createProgrammeWithSession();
    const started = await createProgrammeWithSession();
    const off = await createProgrammeWithSession();
    for (const target of [later, started, off]) await registerForTest(target.sessionId, { email: uniqueEmail("participant") });
    await startIn(later.sessionId, 30);
    await startIn(started.sessionId, -0.5);
    await startIn(off.sessionId, 2, 0);

    await sendDueReminders();

    for (const target of [later, started, off]) expect(await remindersOf(target.sessionId)).toEqual([]);
    // Thirty hours before the start is not yet 24 hours before it; seven hours later it is.
    await sendDueReminders(new Date(Date.now() + 7 * HOUR));
    expect(await remindersOf(later.sessionId)).toHaveLength(1);
  });

  it("go out again for the new time when an organiser moves the session (reminderSentAt reset)", async () => {
    const target = await createProgrammeWithSession();
    await registerForTest(target.sessionId, { email: uniqueEmail("moved") });
    await startIn(target.sessionId, 10);
    await sendDueReminders();
    // What update-session.ts does when the start changes.
    await db.session.update({ where: { id: target.sessionId }, data: { reminderSentAt: null } });
    await startIn(target.sessionId, 5);
    await sendDueReminders();
    expect(await remindersOf(target.sessionId)).toHaveLength(2);
  });
});

describe("seat holds of unconfirmed double-opt-in registrations", () => {
  it("give the seat to the first waiting person when they expire, without mailing the expired registration", async () => {
    const target = await createProgrammeWithSession({ capacity: 1 });
    const hold = await insertHold(target, uniqueEmail("expired"), new Date(Date.now() - 60_000));
    const first = await registerForTest(target.sessionId, { email: uniqueEmail("first-waiting") });
    const second = await registerForTest(target.sessionId, { email: uniqueEmail("second-waiting") });
    expect([first.status, second.status]).toEqual(["WAITLISTED", "WAITLISTED"]);

    await releaseExpiredHolds();

    const statuses = await db.registration.findMany({ where: { sessionId: target.sessionId }, select: { id: true, status: true } });
    expect(new Map(statuses.map((row) => [row.id, row.status]))).toEqual(
      new Map([
        [hold.id, "CANCELLED"],
        [first.registrationId, "CONFIRMED"],
        [second.registrationId, "WAITLISTED"],
      ]),
    );
    const session = await db.session.findUniqueOrThrow({ where: { id: target.sessionId }, select: { confirmedCount: true } });
    expect(session.confirmedCount).toBe(1);
    expect(await db.outboxMessage.count({ where: { registrationId: first.registrationId, kind: "waitlist-promoted" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { registrationId: hold.id } })).toBe(0);
  });

  it("are kept while running, once the address is confirmed, and are never counted twice by concurrent workers", async () => {
    const target = await createProgrammeWithSession({ capacity: 4 });
    const running = await insertHold(target, uniqueEmail("running"), new Date(Date.now() + HOUR));
    const confirmedAddress = await insertHold(target, uniqueEmail("clicked"), new Date(Date.now() - HOUR), { emailConfirmedAt: new Date() });
    const expired = await Promise.all([1, 2].map((index) => insertHold(target, uniqueEmail(`expired-${index}`), new Date(Date.now() - index * 60_000))));
    const waiting = await registerForTest(target.sessionId, { email: uniqueEmail("waiting") });

    const now = new Date();
    await Promise.all([releaseExpiredHolds(now), releaseExpiredHolds(now), releaseExpiredHolds(now)]);

    const rows = await db.registration.findMany({ where: { sessionId: target.sessionId }, select: { id: true, status: true } });
    const status = new Map(rows.map((row) => [row.id, row.status]));
    expect(status.get(running.id)).toBe("PENDING");
    expect(status.get(confirmedAddress.id)).toBe("PENDING");
    expect(expired.map((row) => status.get(row.id))).toEqual(["CANCELLED", "CANCELLED"]);
    expect(status.get(waiting.registrationId)).toBe("CONFIRMED");
    // Two holds kept, one seat filled from the waiting list, one free.
    const session = await db.session.findUniqueOrThrow({ where: { id: target.sessionId }, select: { confirmedCount: true } });
    expect(session.confirmedCount).toBe(3);
  });
});

describe("the daily run marker", () => {
  it("lets exactly one of several instances claim a day's run, and the next one after 23 hours", async () => {
    const job = `test-${randomUUID()}`;
    const start = new Date();
    const claims = await Promise.all(Array.from({ length: 5 }, () => claimDailyRun(job, start)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimDailyRun(job, new Date(start.getTime() + 22 * HOUR))).toBe(false);
    const nextDay = await Promise.all(Array.from({ length: 5 }, () => claimDailyRun(job, new Date(start.getTime() + 23 * HOUR))));
    expect(nextDay.filter(Boolean)).toHaveLength(1);
  });

  it("runs the retention job at most once a day from the periodic round", async () => {
    // Long before any test data: the round finds nothing to do but the claim.
    const day = new Date(Date.now() - 400 * 24 * HOUR);
    await db.jobRun.deleteMany({ where: { name: RETENTION_JOB } });
    const first = await runPeriodicJobs(day);
    const again = await runPeriodicJobs(new Date(day.getTime() + HOUR));
    expect(first.failures).toEqual([]);
    expect(first.anonymised).toBe(0);
    expect(again.anonymised).toBeNull();
    const marker = await db.jobRun.findUniqueOrThrow({ where: { name: RETENTION_JOB } });
    expect(marker.lastRunAt).toEqual(day);
  });
});
