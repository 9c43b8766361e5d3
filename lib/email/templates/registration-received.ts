import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail, withContent } from "./layout";
import { manageBlocks, paragraph, personalLinksNote, sessionFacts } from "./session-parts";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type RegistrationReceivedInput = MailBase & { session: MailSession; manageUrl: string };

/** A seat is reserved while the organisers review the registration: no join link, no invitation yet. */
export function renderRegistrationReceived(input: RegistrationReceivedInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const title = session.workshopTitle;
  const workshop = title.text;
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("registrationReceived.subject", { workshop }),
    heading: t("registrationReceived.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(withContent((workshop) => t("registrationReceived.intro", { workshop }), title)),
      sessionFacts(t, locale, session),
      paragraph(t("registrationReceived.next")),
      ...manageBlocks(t, input.manageUrl),
      personalLinksNote(t),
    ],
  });
}
