import { acceptsRegistrations, type Availability } from "../sessions/availability";

/**
 * What a switch to another date would give, as the manage page and its
 * confirmation step show it: a seat; a place on the waiting list (for
 * someone already waiting); a place on the waiting list in exchange for
 * the confirmed seat, which the person has to accept explicitly on the
 * confirmation step (docs/decisions/0027); or nothing.
 */
export function switchTargetOffer(status: string, availability: Availability): "seat" | "waitlist" | "waitlist-for-seat" | null {
  if (availability.state === "open") return "seat";
  if (!acceptsRegistrations(availability)) return null;
  if (status === "WAITLISTED") return "waitlist";
  return status === "CONFIRMED" ? "waitlist-for-seat" : null;
}
