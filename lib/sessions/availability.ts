// Whether and how a session takes registrations at a given moment. Pure.

export type AvailabilityInput = {
  status: "SCHEDULED" | "CANCELLED";
  capacity: number;
  confirmedCount: number;
  waitlistEnabled: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  startsAt: Date;
};

export type Availability =
  | { state: "open"; seatsLeft: number }
  | { state: "waitlist" }
  | { state: "full" }
  | { state: "not-yet-open"; opensAt: Date }
  | { state: "closed" }
  | { state: "cancelled" };

/** Registration is possible while scheduled, inside its window and before the start. */
export function registrationWindowIsOpen(session: AvailabilityInput, now: Date): boolean {
  if (session.status !== "SCHEDULED") return false;
  if (session.registrationOpensAt && now < session.registrationOpensAt) return false;
  if (session.registrationClosesAt && now >= session.registrationClosesAt) return false;
  return now < session.startsAt;
}

export function sessionAvailability(session: AvailabilityInput, now: Date): Availability {
  if (session.status === "CANCELLED") return { state: "cancelled" };
  if (session.registrationOpensAt && now < session.registrationOpensAt) {
    return { state: "not-yet-open", opensAt: session.registrationOpensAt };
  }
  if (!registrationWindowIsOpen(session, now)) return { state: "closed" };
  const seatsLeft = Math.max(0, session.capacity - session.confirmedCount);
  if (seatsLeft > 0) return { state: "open", seatsLeft };
  return session.waitlistEnabled ? { state: "waitlist" } : { state: "full" };
}

/** Whether a registration form should be offered for this availability. */
export function acceptsRegistrations(availability: Availability): boolean {
  return availability.state === "open" || availability.state === "waitlist";
}

/**
 * How many dates of a workshop a person can still choose between: those not
 * called off that have not begun. A date that is full, closed or not yet
 * open still counts (it is one of the alternatives); a past one does not.
 */
export function datesToChooseFrom(sessions: { startsAt: Date; availability: Availability }[], now: Date): number {
  return sessions.filter((session) => session.availability.state !== "cancelled" && session.startsAt > now).length;
}

/** The session columns availability is computed from, for Prisma selects. */
export const availabilitySelect = {
  status: true,
  capacity: true,
  confirmedCount: true,
  waitlistEnabled: true,
  registrationOpensAt: true,
  registrationClosesAt: true,
  startsAt: true,
} as const;
