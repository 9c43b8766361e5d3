import "server-only";
import { repeatUntilStopped } from "../jobs/repeat-until-stopped";
import { logger, type EventLog } from "../logging/logger";
import { withoutAddresses } from "../logging/without-addresses";
import { deliverDueMessages, describeDeliveryError } from "./deliver-outbox";
import { createMailTransport, type MailTransport } from "./transport";

export type OutboxWorkerOptions = {
  /** Pause between rounds when nothing more is due. */
  intervalMs?: number;
  batchSize?: number;
  /** Defaults to SMTP_URL's server or the built-in mailbox; a given transport is not closed on stop. */
  transport?: MailTransport;
  /** Defaults to the one logger (lib/logging/logger.ts). */
  log?: EventLog;
};

/** Stops claiming, waits for the round in progress, closes its own transport. */
export type StopOutboxWorker = () => Promise<void>;

const MAX_IDLE_AFTER_ERRORS_MS = 60_000;

/**
 * Delivers the outbox until stopped: a round every `intervalMs`, and the
 * next one at once when a round was full. It never throws; a failing round
 * (database unreachable) is logged and the pause grows up to a minute.
 */
export function startOutboxWorker(options: OutboxWorkerOptions = {}): StopOutboxWorker {
  const intervalMs = options.intervalMs ?? 2_000;
  const batchSize = options.batchSize ?? 20;
  const log = options.log ?? logger;
  const transport = options.transport ?? createMailTransport();
  const ownsTransport = !options.transport;

  let failedRounds = 0;
  const stop = repeatUntilStopped(async () => {
    let full = false;
    try {
      const report = await deliverDueMessages({ batchSize, transport });
      failedRounds = 0;
      full = report.claimed === batchSize;
      // One line per send attempt, by id: what the SMTP server logged can be matched by Message-ID.
      for (const { id, messageId, attempt, outcome, error } of report.attempts) {
        const fields = { event: "outbox.send", outboxId: id, messageId, attempt, outcome, transport: transport.name };
        if (outcome === "sent" || outcome === "released") log.info(fields, `outbox message ${outcome}`);
        else if (outcome === "retrying") log.warn({ ...fields, error: withoutAddresses(error ?? "") }, "outbox message not delivered, will retry");
        else log.error({ ...fields, error: withoutAddresses(error ?? "") }, "outbox message given up after repeated failures (status FAILED)");
      }
    } catch (error) {
      failedRounds += 1;
      log.error({ event: "outbox.round", outcome: "error", error: withoutAddresses(describeDeliveryError(error)) }, "outbox delivery round failed");
    }
    // A full round means more is due: the next one at once.
    return full && failedRounds === 0 ? 0 : Math.min(intervalMs * 2 ** failedRounds, Math.max(intervalMs, MAX_IDLE_AFTER_ERRORS_MS));
  });

  return async () => {
    await stop();
    if (ownsTransport) transport.close();
  };
}
