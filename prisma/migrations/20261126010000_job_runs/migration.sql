-- When each periodic job that runs at most once per period last started, so
-- that one app instance claims the run and the others skip it
-- (docs/decisions/0008-reminders-retention.md).
CREATE TABLE "job_runs" (
    "name" TEXT NOT NULL,
    "lastRunAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("name")
);
