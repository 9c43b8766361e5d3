import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildProgrammeFeed, type FeedEvent } from "@/lib/calendar/build-programme-feed";

const event = (overrides: Partial<FeedEvent> = {}): FeedEvent => ({
  uid: "session-1@anmeldung.example.org",
  sequence: 0,
  startsAt: new Date("2025-09-10T12:00:00Z"),
  endsAt: new Date("2025-09-10T14:00:00Z"),
  title: "Vielfaltsorientierte Verwaltung stärken, und Mitarbeitende schützen; heute",
  description: "Kurz.\n\nMehr: https://anmeldung.example.org/workshops/a",
  location: "Online",
  url: "https://anmeldung.example.org/workshops/a",
  cancelled: false,
  ...overrides,
});

describe("the programme's calendar feed", () => {
  it("is one calendar with one event per session that calendar parsers read back exactly", () => {
    const feed = buildProgrammeFeed({
      name: "KommA – Kommunale Allianzen",
      events: [
        event(),
        event({
          uid: "session-2@anmeldung.example.org",
          startsAt: new Date("2025-09-17T12:00:00Z"),
          endsAt: new Date("2025-09-17T14:00:00Z"),
          cancelled: true,
          sequence: 2,
        }),
      ],
    });
    const calendar = new ICAL.Component(ICAL.parse(feed));
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
    expect(events.map((entry) => entry.uid)).toEqual(["session-1@anmeldung.example.org", "session-2@anmeldung.example.org"]);
    expect(events[0]!.summary).toBe("Vielfaltsorientierte Verwaltung stärken, und Mitarbeitende schützen; heute");
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe("2025-09-10T12:00:00.000Z");
    expect(events[0]!.endDate.toJSDate().toISOString()).toBe("2025-09-10T14:00:00.000Z");
    expect(events[0]!.description).toBe("Kurz.\n\nMehr: https://anmeldung.example.org/workshops/a");
    expect(events[1]!.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(events[1]!.sequence).toBe(2);
    expect(feed.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });

  it("is a valid empty calendar when nothing is published", () => {
    const calendar = new ICAL.Component(ICAL.parse(buildProgrammeFeed({ name: "KommA", events: [] })));
    expect(calendar.getAllSubcomponents("vevent")).toHaveLength(0);
  });
});
