import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail, withContent } from "./layout";
import { paragraph, sessionFacts } from "./session-parts";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type CancellationConfirmedInput = MailBase & {
  session: MailSession;
  /** What the person gave up: a seat (the default) or a place on the waiting list. */
  previousStatus?: "CONFIRMED" | "WAITLISTED";
  /** Cancelled by the organisers rather than by the person. */
  byOrganiser?: boolean;
  /** The way back: the workshop's dates (while seats are free) and the programme. */
  wayBack?: { workshopUrl: string | null; programmeUrl: string };
};

export function renderCancellationConfirmed(input: CancellationConfirmedInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const title = session.workshopTitle;
  const workshop = title.text;
  const fromWaitlist = input.previousStatus === "WAITLISTED";
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t(input.byOrganiser ? "cancellationConfirmed.subjectByOrganiser" : "cancellationConfirmed.subject", { workshop }),
    heading: t(input.byOrganiser ? "cancellationConfirmed.headingByOrganiser" : "cancellationConfirmed.heading"),
    blocks: [
      greeting(t, input.recipient),
      paragraph(
        withContent(
          (workshop) =>
            input.byOrganiser
              ? t("cancellationConfirmed.introByOrganiser", { workshop })
              : fromWaitlist
                ? t("cancellationConfirmed.introWaitlist", { workshop })
                : t("cancellationConfirmed.intro", { workshop }),
          title,
        ),
      ),
      sessionFacts(t, locale, session),
      ...(fromWaitlist ? [] : [paragraph(t("cancellationConfirmed.calendar"))]),
      paragraph(t("cancellationConfirmed.again")),
      ...(input.wayBack?.workshopUrl ? [{ kind: "link" as const, label: t("cancellationConfirmed.againLink"), url: input.wayBack.workshopUrl }] : []),
      ...(input.wayBack ? [{ kind: "link" as const, label: t("cancellationConfirmed.programmeLink"), url: input.wayBack.programmeUrl }] : []),
    ],
  });
}
