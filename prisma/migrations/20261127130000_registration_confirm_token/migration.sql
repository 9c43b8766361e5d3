-- Double opt-in needs something only the mailbox owner has: a confirmation
-- token of its own, sent only in the opt-in email and stored only as its
-- SHA-256 (docs/decisions/0014). A new opt-in email replaces it.
ALTER TABLE "registrations" ADD COLUMN "confirmTokenHash" TEXT;

CREATE UNIQUE INDEX "registrations_confirmTokenHash_key" ON "registrations"("confirmTokenHash");
