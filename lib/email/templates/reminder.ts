import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail, withContent } from "./layout";
import { joinBlocks, manageBlocks, paragraph, personalLinksNote, sessionFacts } from "./session-parts";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type ReminderInput = MailBase & {
  session: MailSession;
  /** How long before the start this reminder goes out (the session's reminderHours). */
  hoursBefore: number;
  manageUrl: string;
};

/** For confirmed participants only: it carries the join link. */
export function renderReminder(input: ReminderInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const title = session.workshopTitle;
  const workshop = title.text;
  const hours = input.hoursBefore;
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("reminder.subject", { workshop, hours }),
    heading: t("reminder.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(withContent((workshop) => t("reminder.intro", { workshop, hours }), title)),
      sessionFacts(t, locale, session),
      ...joinBlocks(t, session),
      ...manageBlocks(t, input.manageUrl),
      personalLinksNote(t),
    ],
  });
}
