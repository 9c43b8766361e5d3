// npm run worker: delivers the outbox outside the web server (set
// OUTBOX_WORKER=off for the app then, or keep both: claims never overlap).
// Stops gracefully on SIGTERM/SIGINT: the round in progress is finished and
// recorded before the process exits.
import { disconnectDb } from "../lib/db";
import { startOutboxWorker } from "../lib/email/outbox-worker";
import { env, usesBuiltInMailbox } from "../lib/env";

env();
console.log(`Outbox worker started; delivering to ${usesBuiltInMailbox() ? "the built-in mailbox (SMTP_URL unset)" : "the SMTP server"}.`);
const stop = startOutboxWorker();

let stopping = false;
async function shutdown(signal: NodeJS.Signals) {
  // A second signal does not wait: the interrupted message is resent later.
  if (stopping) process.exit(1);
  stopping = true;
  console.log(`Outbox worker: ${signal} received, finishing the current round.`);
  await stop();
  await disconnectDb();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
