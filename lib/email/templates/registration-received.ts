import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail } from "./layout";
import { manageBlocks, paragraph, personalLinksNote, sessionFacts } from "./session-parts";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type RegistrationReceivedInput = MailBase & { session: MailSession; manageUrl: string };

/** A seat is reserved while the organisers review the registration: no join link, no invitation yet. */
export function renderRegistrationReceived(input: RegistrationReceivedInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const workshop = session.workshopTitle;
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("registrationReceived.subject", { workshop }),
    heading: t("registrationReceived.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(t("registrationReceived.intro", { workshop })),
      sessionFacts(t, locale, session),
      paragraph(t("registrationReceived.next")),
      ...manageBlocks(t, input.manageUrl),
      personalLinksNote(t),
    ],
  });
}
