-- Dashboard and funder report (docs/decisions/0030): a question can say what
-- its answers mean across workshops (the kind of institution), at most once
-- per workshop.
ALTER TABLE "questions" ADD COLUMN "reportKey" TEXT;

CREATE UNIQUE INDEX "questions_workshopId_reportKey_key" ON "questions"("workshopId", "reportKey");
