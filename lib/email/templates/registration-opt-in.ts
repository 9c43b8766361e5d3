import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail, withContent } from "./layout";
import { paragraph, personalLinksNote, sessionFacts, workshopSummary } from "./session-parts";
import { formatInstant } from "./session-time";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type RegistrationOptInInput = MailBase & {
  session: MailSession;
  confirmUrl: string;
  /** The seat is held until then; shown in the session's time zone. */
  holdExpiresAt: Date;
};

/** Double opt-in. No join link: nothing is confirmed until the link is used. */
export function renderRegistrationOptIn(input: RegistrationOptInInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const title = session.workshopTitle;
  const workshop = title.text;
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("registrationOptIn.subject", { workshop }),
    heading: t("registrationOptIn.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(withContent((workshop) => t("registrationOptIn.intro", { workshop }), title)),
      { kind: "link", label: t("registrationOptIn.confirmLink"), url: input.confirmUrl },
      paragraph(t("registrationOptIn.hold", { expiry: formatInstant(locale, input.holdExpiresAt, session.timeZone) })),
      ...workshopSummary(session),
      sessionFacts(t, locale, session),
      paragraph(t("registrationOptIn.next")),
      paragraph(t("registrationOptIn.notYou")),
      personalLinksNote(t),
    ],
  });
}
