import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail } from "./layout";
import { paragraph, seatConfirmedBlocks } from "./session-parts";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type WaitlistPromotedInput = MailBase & { session: MailSession; manageUrl: string };

/** Sent with the calendar invitation attached, like a direct confirmation. */
export function renderWaitlistPromoted(input: WaitlistPromotedInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const workshop = session.workshopTitle;
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("waitlistPromoted.subject", { workshop }),
    heading: t("waitlistPromoted.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(t("waitlistPromoted.intro", { workshop })),
      ...seatConfirmedBlocks(t, locale, session, input.manageUrl),
    ],
  });
}
