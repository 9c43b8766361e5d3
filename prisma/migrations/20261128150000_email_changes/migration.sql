-- A participant's requested change of address, pending until the new address confirms it (docs/decisions/0031).
-- CreateTable
CREATE TABLE "email_changes" (
    "tokenHash" TEXT NOT NULL,
    "registrationId" UUID NOT NULL,
    "newEmail" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_changes_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE INDEX "email_changes_registrationId_idx" ON "email_changes"("registrationId");

-- AddForeignKey
ALTER TABLE "email_changes" ADD CONSTRAINT "email_changes_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "registrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

