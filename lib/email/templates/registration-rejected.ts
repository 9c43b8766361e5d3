import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail } from "./layout";
import { organiserMessageBlocks, paragraph, sessionFacts } from "./session-parts";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type RegistrationRejectedInput = MailBase & { session: MailSession; organiserMessage?: string | null };

export function renderRegistrationRejected(input: RegistrationRejectedInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const workshop = session.workshopTitle;
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("registrationRejected.subject", { workshop }),
    heading: t("registrationRejected.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(t("registrationRejected.intro", { workshop })),
      sessionFacts(t, locale, session),
      ...organiserMessageBlocks(t, input.organiserMessage),
    ],
  });
}
