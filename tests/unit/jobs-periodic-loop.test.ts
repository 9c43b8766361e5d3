import { describe, expect, it, vi } from "vitest";
import { hoursUntil } from "@/lib/jobs/reminder-timing";
import { startPeriodicJobs, type PeriodicJobsReport } from "@/lib/jobs/run-periodic-jobs";

const quietRound: PeriodicJobsReport = {
  holds: { released: 0, promoted: 0 },
  reminders: { sessions: 0, reminders: 0 },
  evaluations: { invitations: 0, reminders: 0 },
  anonymised: null,
  rateLimitsDeleted: null,
  failures: [],
};

function recordingLog() {
  return {
    info: vi.fn<(fields: Record<string, unknown>, message: string) => void>(),
    error: vi.fn<(fields: Record<string, unknown>, message: string) => void>(),
  };
}

describe("the periodic job loop", () => {
  it("keeps running after a failed round and logs the failure without addresses", async () => {
    const log = recordingLog();
    let rounds = 0;
    const stop = startPeriodicJobs({
      intervalMs: 1,
      log,
      run: async () => {
        rounds += 1;
        if (rounds === 1) throw new Error('duplicate key (email)=(erika@example.org) violates "registrations_one_active_per_email"');
        return quietRound;
      },
    });
    await vi.waitFor(() => expect(rounds).toBeGreaterThanOrEqual(3));
    await stop();
    expect(log.error).toHaveBeenCalledTimes(1);
    const line = JSON.stringify(log.error.mock.calls[0]);
    expect(line).toContain("<address>");
    expect(line).not.toContain("erika@example.org");
  });

  it("reports failed jobs of a round and stays quiet when nothing happened", async () => {
    const log = recordingLog();
    let rounds = 0;
    const stop = startPeriodicJobs({
      intervalMs: 1,
      log,
      run: async () => {
        rounds += 1;
        return rounds === 1
          ? { ...quietRound, reminders: null, failures: [{ job: "send-due-reminders", error: new Error("connection refused") }] }
          : quietRound;
      },
    });
    await vi.waitFor(() => expect(rounds).toBeGreaterThanOrEqual(2));
    await stop();
    expect(log.error.mock.calls.map((call) => call[0])).toEqual([
      { event: "jobs.job", job: "send-due-reminders", outcome: "error", error: "Error: connection refused" },
    ]);
    // The round with a failure gets its one summary line; the quiet rounds after it none.
    expect(log.info).toHaveBeenCalledTimes(1);
    expect(log.info.mock.calls[0]?.[0]).toMatchObject({ event: "jobs.round", outcome: "partial", failedJobs: 1 });
  });

  it("stops without waiting for the pause to end, and starts no round after stopping", async () => {
    let rounds = 0;
    const stop = startPeriodicJobs({ intervalMs: 3_600_000, log: recordingLog(), run: async () => ((rounds += 1), quietRound) });
    await vi.waitFor(() => expect(rounds).toBe(1));
    await stop();
    expect(rounds).toBe(1);
  });
});

describe("the reminder's announced time", () => {
  const startsAt = new Date("2026-12-02T09:00:00Z");

  it("is the session's reminder period when sent on time", () => {
    expect(hoursUntil(startsAt, new Date("2026-12-01T09:00:30Z"), 24)).toBe(24);
  });

  it("is the time actually left when sent late, at least one hour", () => {
    expect(hoursUntil(startsAt, new Date("2026-12-02T04:10:00Z"), 24)).toBe(5);
    expect(hoursUntil(startsAt, new Date("2026-12-02T08:45:00Z"), 24)).toBe(1);
  });
});
