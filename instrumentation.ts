// Runs once when a Next.js server starts. With OUTBOX_WORKER=inline (the
// default) the server also delivers the outbox and runs the periodic jobs
// (reminders, seat-hold expiry, retention); every instance may do so, claims
// never overlap (docs/decisions/0005, 0008). Everything
// is imported lazily inside the Node.js branch, so the edge bundle and
// `next build` stay free of the database and nodemailer.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { env } = await import("./lib/env");
    if (env().OUTBOX_WORKER !== "inline") return;
    const { startOutboxWorker } = await import("./lib/email/outbox-worker");
    const { startPeriodicJobs } = await import("./lib/jobs/run-periodic-jobs");
    const holder = globalThis as unknown as { komma_outbox_worker?: () => Promise<void>; komma_jobs?: () => Promise<void> };
    if (holder.komma_outbox_worker) return;
    const stopWorker = startOutboxWorker();
    const stopJobs = startPeriodicJobs();
    holder.komma_outbox_worker = stopWorker;
    holder.komma_jobs = stopJobs;
    // Next.js exits on SIGTERM by itself; this only keeps a new round from
    // starting. A send cut off mid-way is repeated after its lease expires.
    process.once("SIGTERM", () => void Promise.all([stopWorker(), stopJobs()]));
  }
}
