import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail, withContent } from "./layout";
import { manageBlocks, paragraph, personalLinksNote, sessionFacts } from "./session-parts";
import { formatSessionTime } from "./session-time";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type RegisteredForOtherDateInput = MailBase & {
  /** The date the address is registered for. */
  session: MailSession;
  /** The date someone just tried to register this address for. */
  requested: Pick<MailSession, "startsAt" | "endsAt" | "timeZone">;
  manageUrl: string;
};

/**
 * A registration for one date while the address is registered for another
 * date of the same workshop. The form and the API answer this like any other
 * registration (docs/decisions/0014); only the mailbox learns what happened,
 * with the link to switch. No join link: this mail confirms nothing new.
 */
export function renderRegisteredForOtherDate(input: RegisteredForOtherDateInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const title = session.workshopTitle;
  const workshop = title.text;
  const requested = formatSessionTime(locale, input.requested);
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("registeredForOtherDate.subject", { workshop }),
    heading: t("registeredForOtherDate.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(withContent((workshop) => t("registeredForOtherDate.intro", { workshop, requested }), title)),
      paragraph(t("registeredForOtherDate.current")),
      sessionFacts(t, locale, session),
      ...manageBlocks(t, input.manageUrl, t("registeredForOtherDate.switch", { requested })),
      paragraph(t("registeredForOtherDate.notYou")),
      personalLinksNote(t),
    ],
  });
}
