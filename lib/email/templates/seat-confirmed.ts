import { translator } from "@/lib/i18n/translator";
import { greeting, renderEmail, withContent } from "./layout";
import { paragraph, seatConfirmedBlocks } from "./session-parts";
import type { MailBase, MailSession, RenderedEmail } from "./types";

export type SeatConfirmedInput = MailBase & { session: MailSession; manageUrl: string };

/** The three ways to a confirmed seat: each has its own subject, heading and first words; the rest is one body. */
type SeatConfirmedKind = "registrationConfirmed" | "waitlistPromoted" | "registrationApproved";

/** Sent with the calendar invitation attached. */
function renderSeatConfirmed(kind: SeatConfirmedKind, input: SeatConfirmedInput): RenderedEmail {
  const { locale, session } = input;
  const t = translator(locale, "email");
  const title = session.workshopTitle;
  const workshop = title.text;
  return renderEmail({
    locale,
    programme: input.programme,
    subject: t(`${kind}.subject`, { workshop }),
    heading: t(`${kind}.heading`),
    blocks: [
      greeting(t, input.recipient),
      paragraph(withContent((workshop) => t(`${kind}.intro`, { workshop }), title)),
      ...seatConfirmedBlocks(t, locale, session, input.manageUrl),
    ],
  });
}

/** A direct registration with a free seat. */
export const renderRegistrationConfirmed = (input: SeatConfirmedInput) => renderSeatConfirmed("registrationConfirmed", input);
/** A seat became free for someone on the waiting list. */
export const renderWaitlistPromoted = (input: SeatConfirmedInput) => renderSeatConfirmed("waitlistPromoted", input);
/** The organisers accepted a registration that needed their approval. */
export const renderRegistrationApproved = (input: SeatConfirmedInput) => renderSeatConfirmed("registrationApproved", input);
