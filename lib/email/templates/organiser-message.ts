import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail, splitParagraphs, type EmailBlock, withContent } from "./layout";
import { manageBlocks, paragraph } from "./session-parts";
import { formatSessionTime } from "./session-time";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type OrganiserMessageInput = MailBase & {
  session: MailSession;
  /** Written by the organiser: shown as typed, escaped, line breaks kept. */
  subject: string;
  body: string;
  manageUrl?: string | null;
};

/** A free message from the organisers to the people registered for a session. No join link: it may go to anyone registered. */
export function renderOrganiserMessage(input: OrganiserMessageInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const blocks: EmailBlock[] = [
    greeting(t, input.recipient),
    ...splitParagraphs(input.body).map(paragraph),
    paragraph(withContent((workshop) => t("organiserMessage.context", { workshop, when: formatSessionTime(locale, session) }), session.workshopTitle)),
  ];
  if (input.manageUrl) blocks.push(...manageBlocks(t, input.manageUrl));
  return renderEmail({
    locale,
    programme: input.programme,
    subject: input.subject,
    heading: input.subject.replace(/\s+/g, " ").trim(),
    blocks,
  });
}
