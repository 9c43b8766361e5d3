import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail } from "./layout";
import { paragraph, seatConfirmedBlocks } from "./session-parts";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type RegistrationConfirmedInput = MailBase & { session: MailSession; manageUrl: string };

/** Sent with the calendar invitation attached. */
export function renderRegistrationConfirmed(input: RegistrationConfirmedInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const workshop = session.workshopTitle;
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("registrationConfirmed.subject", { workshop }),
    heading: t("registrationConfirmed.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(t("registrationConfirmed.intro", { workshop })),
      ...seatConfirmedBlocks(t, locale, session, input.manageUrl),
    ],
  });
}
