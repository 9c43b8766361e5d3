-- CreateEnum
CREATE TYPE "EvaluationQuestionType" AS ENUM ('RATING', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TEXT');

-- CreateEnum
CREATE TYPE "EvaluationRecipients" AS ENUM ('ATTENDED', 'ATTENDED_OR_CONFIRMED');

-- AlterTable
ALTER TABLE "programmes" ADD COLUMN     "evaluationDelayHours" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "evaluationMinimumAnswers" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN     "evaluationReminderDays" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "workshops" ADD COLUMN     "evaluationDelayHours" INTEGER,
ADD COLUMN     "evaluationEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "evaluationMinimumAnswers" INTEGER,
ADD COLUMN     "evaluationOwnQuestions" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "evaluationRecipients" "EvaluationRecipients" NOT NULL DEFAULT 'ATTENDED_OR_CONFIRMED',
ADD COLUMN     "evaluationReminderDays" INTEGER;

-- CreateTable
CREATE TABLE "evaluation_questions" (
    "id" UUID NOT NULL,
    "programmeId" UUID,
    "workshopId" UUID,
    "position" INTEGER NOT NULL DEFAULT 0,
    "type" "EvaluationQuestionType" NOT NULL,
    "labelDe" TEXT NOT NULL,
    "labelEn" TEXT NOT NULL,
    "options" JSONB NOT NULL DEFAULT '[]',
    "scaleLowDe" TEXT NOT NULL DEFAULT '',
    "scaleLowEn" TEXT NOT NULL DEFAULT '',
    "scaleHighDe" TEXT NOT NULL DEFAULT '',
    "scaleHighEn" TEXT NOT NULL DEFAULT '',
    "required" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evaluation_questions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_invitations" (
    "registrationId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "reminderTokenHash" TEXT,
    "answered" BOOLEAN NOT NULL DEFAULT false,
    "reminderSentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "evaluation_invitations_pkey" PRIMARY KEY ("registrationId")
);

-- CreateTable
CREATE TABLE "evaluation_responses" (
    "id" UUID NOT NULL,
    "workshopId" UUID NOT NULL,
    "sessionId" UUID NOT NULL,

    CONSTRAINT "evaluation_responses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evaluation_answers" (
    "responseId" UUID NOT NULL,
    "questionId" UUID NOT NULL,
    "rating" INTEGER,
    "choices" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "text" TEXT,

    CONSTRAINT "evaluation_answers_pkey" PRIMARY KEY ("responseId","questionId")
);

-- CreateIndex
CREATE INDEX "evaluation_questions_programmeId_position_idx" ON "evaluation_questions"("programmeId", "position");

-- CreateIndex
CREATE INDEX "evaluation_questions_workshopId_position_idx" ON "evaluation_questions"("workshopId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_invitations_tokenHash_key" ON "evaluation_invitations"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "evaluation_invitations_reminderTokenHash_key" ON "evaluation_invitations"("reminderTokenHash");

-- CreateIndex
CREATE INDEX "evaluation_invitations_sessionId_idx" ON "evaluation_invitations"("sessionId");

-- CreateIndex
CREATE INDEX "evaluation_responses_workshopId_idx" ON "evaluation_responses"("workshopId");

-- CreateIndex
CREATE INDEX "evaluation_responses_sessionId_idx" ON "evaluation_responses"("sessionId");

-- CreateIndex
CREATE INDEX "evaluation_answers_questionId_idx" ON "evaluation_answers"("questionId");

-- AddForeignKey
ALTER TABLE "evaluation_questions" ADD CONSTRAINT "evaluation_questions_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "programmes"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_questions" ADD CONSTRAINT "evaluation_questions_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_invitations" ADD CONSTRAINT "evaluation_invitations_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_invitations" ADD CONSTRAINT "evaluation_invitations_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_workshopId_fkey" FOREIGN KEY ("workshopId") REFERENCES "workshops"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_answers" ADD CONSTRAINT "evaluation_answers_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "evaluation_responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evaluation_answers" ADD CONSTRAINT "evaluation_answers_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "evaluation_questions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written (docs/decisions/0028): a question belongs to the programme's
-- default questionnaire or to one workshop, never both or neither.
ALTER TABLE "evaluation_questions" ADD CONSTRAINT "evaluation_questions_one_owner"
  CHECK (("programmeId" IS NULL) <> ("workshopId" IS NULL));
ALTER TABLE "evaluation_answers" ADD CONSTRAINT "evaluation_answers_rating_range"
  CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_evaluation_numbers"
  CHECK ("evaluationDelayHours" BETWEEN 0 AND 720 AND "evaluationReminderDays" BETWEEN 0 AND 60 AND "evaluationMinimumAnswers" BETWEEN 1 AND 100);
ALTER TABLE "workshops" ADD CONSTRAINT "workshops_evaluation_numbers"
  CHECK (("evaluationDelayHours" IS NULL OR "evaluationDelayHours" BETWEEN 0 AND 720)
    AND ("evaluationReminderDays" IS NULL OR "evaluationReminderDays" BETWEEN 0 AND 60)
    AND ("evaluationMinimumAnswers" IS NULL OR "evaluationMinimumAnswers" BETWEEN 1 AND 100));
