import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail, type EmailBlock, withContent } from "./layout";
import { joinBlocks, manageBlocks, paragraph, personalLinksNote, sessionFacts, sessionPlace } from "./session-parts";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type SessionSwitchedInput = MailBase & {
  /** The new date. */
  session: MailSession;
  /** The date the person left: shown next to the new one. */
  previous: Pick<MailSession, "startsAt" | "endsAt" | "timeZone" | "format" | "location">;
  /** A seat on the new date, or a place on its waiting list (then no join link and no invitation). */
  status: "CONFIRMED" | "WAITLISTED";
  /** Only for the waiting list. */
  position?: number;
  /** Whether the old date had a calendar entry that this mail cancels (only a confirmed seat had one). */
  cancelsPreviousEvent: boolean;
  /** The link the person already has: a switch keeps it (docs/decisions/0021). */
  manageUrl: string;
};

/**
 * The one mail after a switch of dates: it says it was a switch (not a
 * cancellation the person might read as losing the workshop) and carries the
 * calendar move, so nothing suggests registering again.
 */
export function renderSessionSwitched(input: SessionSwitchedInput): RenderedEmail {
  const { locale, session, previous } = input;
  const t = translator(locale, "email");
  const title = session.workshopTitle;
  const workshop = title.text;
  const confirmed = input.status === "CONFIRMED";
  const placeChanged = sessionPlace(t, session) !== sessionPlace(t, previous);

  const blocks: EmailBlock[] = [
    greeting(t, input.recipient),
    paragraph(
      withContent(
        (workshop) =>
          confirmed ? t("sessionSwitched.intro", { workshop }) : t("sessionSwitched.introWaitlisted", { workshop, position: input.position ?? 1 }),
        title,
      ),
    ),
    sessionFacts(t, locale, session, { time: previous, place: placeChanged ? previous : undefined }),
  ];
  if (confirmed) {
    blocks.push(...joinBlocks(t, session));
    blocks.push(paragraph(t(input.cancelsPreviousEvent ? "sessionSwitched.calendarMoved" : "sessionSwitched.calendarNew")));
  } else {
    blocks.push(paragraph(t("sessionSwitched.waitlistNext")));
    if (input.cancelsPreviousEvent) blocks.push(paragraph(t("sessionSwitched.calendarCancelled")));
  }
  blocks.push(...manageBlocks(t, input.manageUrl, t("sessionSwitched.sameLink")), personalLinksNote(t));

  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("sessionSwitched.subject", { workshop }),
    heading: t("sessionSwitched.heading"),
    blocks,
  });
}
