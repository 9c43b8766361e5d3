import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail, withContent } from "./layout";
import { organiserMessageBlocks, paragraph, sessionFacts } from "./session-parts";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type RegistrationRejectedInput = MailBase & { session: MailSession; organiserMessage?: string | null };

export function renderRegistrationRejected(input: RegistrationRejectedInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const title = session.workshopTitle;
  const workshop = title.text;
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("registrationRejected.subject", { workshop }),
    heading: t("registrationRejected.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(withContent((workshop) => t("registrationRejected.intro", { workshop }), title)),
      sessionFacts(t, locale, session),
      ...organiserMessageBlocks(t, input.organiserMessage),
    ],
  });
}
