import "server-only";
import { logger, type EventLog } from "../logging/logger";
import { describeForLog } from "../logging/without-addresses";
import { sendEvaluationMails, type EvaluationMailReport } from "../evaluation/send-evaluation-invitations";
import { anonymiseExpiredRegistrations } from "../privacy/anonymise-ended-sessions";
import { deleteExpiredRateLimits } from "../rate-limit/delete-expired-rate-limits";
import { claimDailyRun, claimRunAfter, retryDailyRunSoon } from "./claim-daily-run";
import { repeatUntilStopped } from "./repeat-until-stopped";
import { releaseExpiredHolds, type HoldReleaseReport } from "./release-expired-holds";
import { sendDueReminders, type ReminderReport } from "./send-due-reminders";

// The periodic work of docs/decisions/0008-reminders-retention.md. Every
// instance may run it: each job claims its rows itself, and the daily
// retention run is claimed through job_runs.

export const RETENTION_JOB = "privacy.retention";
export const RATE_LIMIT_CLEANUP_JOB = "rate-limits.cleanup";
/** Ended rate-limit windows are deleted about hourly, by one instance. */
const RATE_LIMIT_CLEANUP_GAP_SECONDS = 55 * 60;

export type PeriodicJobsReport = {
  holds: HoldReleaseReport | null;
  reminders: ReminderReport | null;
  /** Evaluation invitations and their reminders after sessions (docs/decisions/0028). */
  evaluations: EvaluationMailReport | null;
  /** Null when another instance (or an earlier round) ran it within the last day. */
  anonymised: number | null;
  /** Ended rate-limit counters deleted; null when not this instance's turn. */
  rateLimitsDeleted: number | null;
  /** Jobs that failed this round; the others still ran. */
  failures: { job: string; error: unknown }[];
};

/**
 * One round: expired seat holds first (so that people moved up into a freed
 * seat are confirmed before reminders go out), then due reminders, then at
 * most once a day the retention run, and about hourly the deletion of ended
 * rate-limit windows. A failing job does not stop the others.
 */
export async function runPeriodicJobs(now: Date = new Date()): Promise<PeriodicJobsReport> {
  const report: PeriodicJobsReport = { holds: null, reminders: null, evaluations: null, anonymised: null, rateLimitsDeleted: null, failures: [] };
  try {
    report.holds = await releaseExpiredHolds(now);
  } catch (error) {
    report.failures.push({ job: "release-expired-holds", error });
  }
  try {
    report.reminders = await sendDueReminders(now);
  } catch (error) {
    report.failures.push({ job: "send-due-reminders", error });
  }
  try {
    report.evaluations = await sendEvaluationMails(now);
  } catch (error) {
    report.failures.push({ job: "send-evaluation-mails", error });
  }
  try {
    if (await claimDailyRun(RETENTION_JOB, now)) {
      try {
        report.anonymised = await anonymiseExpiredRegistrations(now);
      } catch (error) {
        await retryDailyRunSoon(RETENTION_JOB, now);
        throw error;
      }
    }
  } catch (error) {
    report.failures.push({ job: RETENTION_JOB, error });
  }
  try {
    if (await claimRunAfter(RATE_LIMIT_CLEANUP_JOB, RATE_LIMIT_CLEANUP_GAP_SECONDS, now)) {
      report.rateLimitsDeleted = await deleteExpiredRateLimits(now);
    }
  } catch (error) {
    report.failures.push({ job: RATE_LIMIT_CLEANUP_JOB, error });
  }
  return report;
}

export type PeriodicJobsOptions = {
  /** Pause between rounds. */
  intervalMs?: number;
  /** Defaults to the one logger (lib/logging/logger.ts). */
  log?: Pick<EventLog, "info" | "error">;
  /** Tests replace the round. */
  run?: (now: Date) => Promise<PeriodicJobsReport>;
};

/**
 * Runs the periodic jobs now and then every `intervalMs` until stopped. It
 * never throws: failures are logged and the next round tries again. The
 * returned function stops the loop and waits for a round in progress.
 */
export function startPeriodicJobs(options: PeriodicJobsOptions = {}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? 60_000;
  const log = options.log ?? logger;
  const run = options.run ?? runPeriodicJobs;

  return repeatUntilStopped(async () => {
    try {
      const started = Date.now();
      const report = await run(new Date());
      for (const failure of report.failures) {
        log.error({ event: "jobs.job", job: failure.job, outcome: "error", error: describeForLog(failure.error) }, `job ${failure.job} failed`);
      }
      // One line per round, counts only; a round that did nothing and failed nothing stays out of the log.
      const counts = {
        holdsReleased: report.holds?.released ?? 0,
        movedUp: report.holds?.promoted ?? 0,
        reminders: report.reminders?.reminders ?? 0,
        reminderSessions: report.reminders?.sessions ?? 0,
        evaluationInvitations: report.evaluations?.invitations ?? 0,
        evaluationReminders: report.evaluations?.reminders ?? 0,
        anonymised: report.anonymised ?? 0,
        rateLimitsDeleted: report.rateLimitsDeleted ?? 0,
      };
      if (Object.values(counts).some((count) => count > 0) || report.failures.length > 0) {
        log.info(
          {
            event: "jobs.round",
            outcome: report.failures.length > 0 ? "partial" : "ok",
            ...counts,
            failedJobs: report.failures.length,
            durationMs: Date.now() - started,
          },
          "periodic jobs ran",
        );
      }
    } catch (error) {
      log.error({ event: "jobs.round", outcome: "error", error: describeForLog(error) }, "periodic jobs round failed");
    }
    return intervalMs;
  });
}
