-- When a rate-limit counter's window ends, stored with the counter so that
-- the periodic job can delete ended windows with one indexed statement
-- whatever rule wrote them (docs/decisions/0016).
ALTER TABLE "rate_limits" ADD COLUMN "expiresAt" TIMESTAMPTZ(3);

-- Rows written before this column: no rule's window is longer than an hour,
-- so a day after the window started is safely past its end.
UPDATE "rate_limits" SET "expiresAt" = "windowStart" + interval '1 day';

ALTER TABLE "rate_limits" ALTER COLUMN "expiresAt" SET NOT NULL;

CREATE INDEX "rate_limits_expiresAt_idx" ON "rate_limits"("expiresAt");
