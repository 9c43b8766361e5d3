import { describe, expect, it } from "vitest";
import { acceptsRegistrations, datesToChooseFrom, registrationWindowIsOpen, sessionAvailability, type AvailabilityInput } from "@/lib/sessions/availability";

const now = new Date("2026-12-01T10:00:00Z");
const session = (overrides: Partial<AvailabilityInput> = {}): AvailabilityInput => ({
  status: "SCHEDULED",
  capacity: 20,
  confirmedCount: 8,
  waitlistEnabled: true,
  registrationOpensAt: null,
  registrationClosesAt: null,
  startsAt: new Date("2026-12-02T13:00:00Z"),
  ...overrides,
});

describe("whether a session takes registrations", () => {
  it("shows the seats left while places are free", () => {
    expect(sessionAvailability(session(), now)).toEqual({ state: "open", seatsLeft: 12 });
  });

  it("offers the waiting list when full and the list is on", () => {
    expect(sessionAvailability(session({ confirmedCount: 20 }), now)).toEqual({ state: "waitlist" });
  });

  it("says fully booked when full and the waiting list is off", () => {
    const availability = sessionAvailability(session({ confirmedCount: 20, waitlistEnabled: false }), now);
    expect(availability).toEqual({ state: "full" });
    expect(acceptsRegistrations(availability)).toBe(false);
  });

  it("does not open before the registration window", () => {
    const opensAt = new Date("2026-12-01T12:00:00Z");
    expect(sessionAvailability(session({ registrationOpensAt: opensAt }), now)).toEqual({ state: "not-yet-open", opensAt });
  });

  it("closes when the window closes", () => {
    expect(sessionAvailability(session({ registrationClosesAt: now }), now)).toEqual({ state: "closed" });
  });

  it("closes once the session has started", () => {
    expect(registrationWindowIsOpen(session({ startsAt: now }), now)).toBe(false);
    expect(sessionAvailability(session({ startsAt: new Date(now.getTime() - 1) }), now).state).toBe("closed");
  });

  it("takes nothing for a cancelled session", () => {
    expect(sessionAvailability(session({ status: "CANCELLED" }), now)).toEqual({ state: "cancelled" });
    expect(registrationWindowIsOpen(session({ status: "CANCELLED" }), now)).toBe(false);
  });
});

describe("the dates of a workshop a person can still choose between", () => {
  it("leave out dates that have begun or were called off, and count full or not yet open ones", () => {
    const dated = (input: Partial<AvailabilityInput>) => {
      const row = session(input);
      return { startsAt: row.startsAt, availability: sessionAvailability(row, now) };
    };
    const past = dated({ startsAt: new Date(now.getTime() - 3600_000) });
    const calledOff = dated({ status: "CANCELLED" });
    const full = dated({ confirmedCount: 100, capacity: 100 });
    const notYetOpen = dated({ registrationOpensAt: new Date(now.getTime() + 3600_000) });
    expect(datesToChooseFrom([past, calledOff, full, notYetOpen], now)).toBe(2);
    expect(datesToChooseFrom([past, full], now)).toBe(1);
  });
});
