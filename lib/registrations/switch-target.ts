import { acceptsRegistrations, type Availability } from "../sessions/availability";

/**
 * What a switch to another date would give, as the manage page and its
 * confirmation step show it: a seat, a place on the waiting list (only for
 * someone already waiting: a confirmed seat is never traded for a waiting
 * list, as switchSession enforces), or nothing.
 */
export function switchTargetOffer(status: string, availability: Availability): "seat" | "waitlist" | null {
  if (availability.state === "open") return "seat";
  if (status === "WAITLISTED" && acceptsRegistrations(availability)) return "waitlist";
  return null;
}
