import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail, withContent } from "./layout";
import { organiserMessageBlocks, paragraph, sessionFacts } from "./session-parts";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type SessionCancelledInput = MailBase & { session: MailSession; organiserMessage?: string | null };

/** The organisers called the session off; every registration for it ends. */
export function renderSessionCancelled(input: SessionCancelledInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const title = session.workshopTitle;
  const workshop = title.text;
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("sessionCancelled.subject", { workshop }),
    heading: t("sessionCancelled.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(withContent((workshop) => t("sessionCancelled.intro", { workshop }), title)),
      sessionFacts(t, locale, session),
      ...organiserMessageBlocks(t, input.organiserMessage),
      paragraph(t("sessionCancelled.consequence")),
    ],
  });
}
