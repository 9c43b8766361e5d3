import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail } from "./layout";
import { paragraph, sessionFacts } from "./session-parts";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type CancellationConfirmedInput = MailBase & {
  session: MailSession;
  /** What the person gave up: a seat (the default) or a place on the waiting list. */
  previousStatus?: "CONFIRMED" | "WAITLISTED";
};

export function renderCancellationConfirmed(input: CancellationConfirmedInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const workshop = session.workshopTitle;
  const fromWaitlist = input.previousStatus === "WAITLISTED";
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("cancellationConfirmed.subject", { workshop }),
    heading: t("cancellationConfirmed.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(fromWaitlist ? t("cancellationConfirmed.introWaitlist", { workshop }) : t("cancellationConfirmed.intro", { workshop })),
      sessionFacts(t, locale, session),
      ...(fromWaitlist ? [] : [paragraph(t("cancellationConfirmed.calendar"))]),
      paragraph(t("cancellationConfirmed.again")),
    ],
  });
}
