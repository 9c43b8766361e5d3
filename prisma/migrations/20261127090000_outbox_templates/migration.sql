-- Registration emails are queued as a template (what to say, to whom, with
-- which data) and rendered by the outbox worker when it sends them. The
-- rendered subject, HTML, text and attachments are stored at that moment.
-- This keeps rendering (templates, calendar file) out of the registration
-- request (docs/decisions/0010). No semicolons in comments: the driver
-- adapter splits migration scripts at each one.
ALTER TABLE "outbox_messages" ADD COLUMN "template" JSONB;
ALTER TABLE "outbox_messages" ALTER COLUMN "subject" DROP NOT NULL;
ALTER TABLE "outbox_messages" ALTER COLUMN "html" DROP NOT NULL;
ALTER TABLE "outbox_messages" ALTER COLUMN "text" DROP NOT NULL;
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_content_or_template"
  CHECK ("template" IS NOT NULL OR ("subject" IS NOT NULL AND "html" IS NOT NULL AND "text" IS NOT NULL));
