import { createEvent, type Attendee, type DateArray, type EventAttributes } from "ics";
import { foldLines, unfoldLines } from "./fold-lines";

export type InvitationInput = {
  method: "REQUEST" | "CANCEL";
  /** Stable per registration and session, see invitation-uid.ts; never random per send. */
  uid: string;
  /** Must grow with every change sent for the same UID, cancellation included, or clients ignore it. */
  sequence: number;
  /** UTC instants; the session's time zone only matters when formatting for people. */
  startsAt: Date;
  endsAt: Date;
  title: string;
  /** Plain text, see session-description.ts. */
  description: string;
  location?: string;
  /** Join link of an online session. */
  url?: string;
  organizer: { name: string; email: string };
  attendee?: { name: string; email: string };
  productId?: string;
};

const defaultProductId = "-//KommA//Anmeldung//DE";

// ics's DateArray stops at minutes; sessions are scheduled to the minute, so
// nothing is lost. Reading the UTC fields and declaring them "utc" keeps the
// result independent of the server's own time zone.
function utcDateArray(instant: Date): DateArray {
  return [instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate(), instant.getUTCHours(), instant.getUTCMinutes()];
}

// ics wraps CN in double quotes and escapes inner quotes with a backslash,
// which RFC 5545 does not allow inside a parameter value and which some
// clients reject; a line break would end the property. Names are shown to
// people only, so a plain apostrophe and a space are good enough stand-ins.
function displayName(name: string): string {
  return name.replaceAll('"', "'").replace(/[\r\n]+/g, " ");
}

function invitationAttendee(method: InvitationInput["method"], attendee: NonNullable<InvitationInput["attendee"]>): Attendee {
  return {
    name: displayName(attendee.name),
    email: attendee.email,
    // Participants registered themselves: the calendar should not ask them to
    // accept or decline, nor send a reply to the organiser's mailbox.
    rsvp: false,
    ...(method === "REQUEST" ? { partstat: "ACCEPTED" as const } : {}),
  };
}

export function buildInvitation(input: InvitationInput): string {
  if (!(input.endsAt.getTime() > input.startsAt.getTime())) {
    throw new Error(`Invitation ${input.uid}: session must end after it starts`);
  }

  const attributes: EventAttributes = {
    productId: input.productId ?? defaultProductId,
    method: input.method,
    uid: input.uid,
    sequence: input.sequence,
    start: utcDateArray(input.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: utcDateArray(input.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    title: input.title,
    description: input.description,
    location: input.location,
    url: input.url,
    status: input.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    organizer: { name: displayName(input.organizer.name), email: input.organizer.email },
    // RFC 5546 wants the attendee in a CANCEL too, so the client knows whom it concerns.
    attendees: input.attendee ? [invitationAttendee(input.method, input.attendee)] : undefined,
  };

  const { error, value } = createEvent(attributes);
  if (error || value === null) {
    throw new Error(`Invitation ${input.uid}: ics could not build the calendar file: ${error?.message ?? "no output"}`, {
      cause: error,
    });
  }
  return foldLines(unfoldLines(value).map(withBarePartstat));
}

// ics writes PARTSTAT="ACCEPTED"; RFC 5545 gives PARTSTAT a bare token
// (partstat-event), and a quoted one is a different, unknown value to strict parsers.
function withBarePartstat(line: string): string {
  return line.replace(/;PARTSTAT="([A-Z-]+)"/g, ";PARTSTAT=$1");
}
