// npm run worker: delivers the outbox and runs the periodic jobs (reminders,
// seat-hold expiry, retention) outside the web server (set
// OUTBOX_WORKER=off for the app then, or keep both: claims never overlap).
// Stops gracefully on SIGTERM/SIGINT: the round in progress is finished and
// recorded before the process exits.
import "./load-env";
import { disconnectDb } from "../lib/db";
import { startOutboxWorker } from "../lib/email/outbox-worker";
import { env, usesBuiltInMailbox } from "../lib/env";
import { startPeriodicJobs } from "../lib/jobs/run-periodic-jobs";
import { logger } from "../lib/logging/logger";

// Refuses to start, naming what is missing, with an incomplete production configuration.
try {
  env();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
logger.info({ event: "worker.start", delivery: usesBuiltInMailbox() ? "mailbox" : "smtp" }, "outbox worker started");
const stop = startOutboxWorker();
const stopJobs = startPeriodicJobs();

let stoppingSince: number | undefined;
async function shutdown(signal: NodeJS.Signals) {
  // A second signal does not wait: the interrupted message is resent later.
  // A repeat within two seconds is the same stop passed on twice (systemd and npm/tsx).
  if (stoppingSince !== undefined) {
    if (Date.now() - stoppingSince > 2_000) process.exit(1);
    return;
  }
  stoppingSince = Date.now();
  logger.info({ event: "worker.stop", signal }, "outbox worker stopping after the current round");
  await Promise.all([stop(), stopJobs()]);
  await disconnectDb();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
