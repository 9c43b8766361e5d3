import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail, type EmailBlock, withContent } from "./layout";
import { joinBlocks, leaveWaitlistBlocks, paragraph, personalLinksNote, sessionFacts, sessionPlace } from "./session-parts";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type SessionChangedInput = MailBase & {
  /** The session as it is now. */
  session: MailSession;
  /** The session as the participant last heard of it. */
  previous: Omit<MailSession, "workshopTitle" | "workshopSummary">;
  /** Only a confirmed seat gets the join link and the updated calendar invitation. */
  registrationStatus: "CONFIRMED" | "WAITLISTED";
  manageUrl: string;
};

export function renderSessionChanged(input: SessionChangedInput): RenderedEmail {
  const { locale, session, previous } = input;
  const t = translator(locale, "email");
  const title = session.workshopTitle;
  const workshop = title.text;
  const confirmed = input.registrationStatus === "CONFIRMED";
  const timeChanged =
    session.startsAt.getTime() !== previous.startsAt.getTime() ||
    session.endsAt.getTime() !== previous.endsAt.getTime() ||
    session.timeZone !== previous.timeZone;
  const placeChanged = sessionPlace(t, session) !== sessionPlace(t, previous);
  const joinUrl = session.joinUrl?.trim() || null;
  const previousJoinUrl = previous.format === "ONLINE" ? previous.joinUrl?.trim() || null : null;
  // A link given for the first time is news, not a change: nobody has an old one to forget.
  const joinNotice = session.format !== "ONLINE" || joinUrl === null || joinUrl === previousJoinUrl ? null : previousJoinUrl ? "newJoinLink" : "joinLinkAdded";

  const blocks: EmailBlock[] = [
    greeting(t, input.recipient),
    paragraph(withContent((workshop) => (confirmed ? t("sessionChanged.intro", { workshop }) : t("sessionChanged.introWaitlisted", { workshop })), title)),
    sessionFacts(t, locale, session, { time: timeChanged ? previous : undefined, place: placeChanged ? previous : undefined }),
  ];
  if (confirmed) {
    if (joinNotice) blocks.push(paragraph(t(`sessionChanged.${joinNotice}`)));
    blocks.push(...joinBlocks(t, session), paragraph(t("session.calendarUpdated")));
    blocks.push(paragraph(t(timeChanged ? "sessionChanged.cannotAttend" : "sessionChanged.cannotAttendChanged")), {
      kind: "link",
      label: t("session.manageLink"),
      url: input.manageUrl,
    });
  } else {
    blocks.push(...leaveWaitlistBlocks(t, input.manageUrl));
  }
  blocks.push(personalLinksNote(t));

  return renderEmail({
    locale,
    programme: input.programme,
    subject: t("sessionChanged.subject", { workshop }),
    heading: t("sessionChanged.heading"),
    blocks,
  });
}
