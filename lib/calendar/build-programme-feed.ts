// The programme's subscribable calendar: public information only (no join
// links, nothing about anyone registered). Pure.
import { createEvents, type DateArray, type EventAttributes } from "ics";
import { foldLines, unfoldLines } from "./fold-lines";

export type FeedEvent = {
  /** Stable per session, so a subscribed calendar updates the entry in place. */
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description: string;
  location: string;
  /** The workshop's public page. */
  url: string;
  cancelled: boolean;
};

function utcDateArray(instant: Date): DateArray {
  return [instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate(), instant.getUTCHours(), instant.getUTCMinutes()];
}

export function buildProgrammeFeed(input: { name: string; events: FeedEvent[]; productId?: string }): string {
  const events: EventAttributes[] = input.events.map((event) => ({
    uid: event.uid,
    sequence: event.sequence,
    start: utcDateArray(event.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: utcDateArray(event.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    title: event.title,
    description: event.description,
    location: event.location,
    url: event.url,
    status: event.cancelled ? "CANCELLED" : "CONFIRMED",
  }));
  const { error, value } = createEvents(events, { productId: input.productId ?? "-//KommA//Anmeldung//DE", method: "PUBLISH", calName: input.name });
  if (error || !value) throw new Error(`Programme feed could not be built: ${error?.message ?? "no output"}`, { cause: error });
  return foldLines(unfoldLines(value));
}
