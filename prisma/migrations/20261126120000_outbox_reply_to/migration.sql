-- Reply-To of an outgoing message (the programme's contact address), fixed
-- when the message is written, like every other header.
ALTER TABLE "outbox_messages" ADD COLUMN "replyTo" TEXT;
