import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail, withContent } from "./layout";
import { leaveWaitlistBlocks, paragraph, personalLinksNote, sessionFacts } from "./session-parts";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type WaitlistedInput = MailBase & {
  session: MailSession;
  /** 1 for the first person waiting. */
  position: number;
  manageUrl: string;
};

/** No join link and no calendar invitation: the seat is not confirmed yet. */
export function renderWaitlisted(input: WaitlistedInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const title = session.workshopTitle;
  const workshop = title.text;
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("waitlisted.subject", { workshop }),
    heading: t("waitlisted.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(withContent((workshop) => t("waitlisted.intro", { workshop }), title)),
      paragraph(t("waitlisted.position", { position: input.position })),
      sessionFacts(t, locale, session),
      paragraph(t("waitlisted.next")),
      ...leaveWaitlistBlocks(t, input.manageUrl),
      personalLinksNote(t),
    ],
  });
}
