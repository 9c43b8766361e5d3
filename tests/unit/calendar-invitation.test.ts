import { TZDate } from "@date-fns/tz";
import ICAL from "ical.js";
import { describe, expect, it, vi } from "vitest";
import { buildInvitation, type InvitationInput } from "@/lib/calendar/build-invitation";
import { invitationUid } from "@/lib/calendar/invitation-uid";
import { invitationDescription } from "@/lib/calendar/session-description";

const joinUrl = "https://meet.example.de/j/4711?pwd=Vielfalt";
const host = "anmeldung.komma.example.de";

function berlin(year: number, monthIndex: number, day: number, hour: number): Date {
  return new Date(new TZDate(year, monthIndex, day, hour, 0, 0, "Europe/Berlin").getTime());
}

function invitation(overrides: Partial<InvitationInput> = {}): InvitationInput {
  return {
    method: "REQUEST",
    uid: invitationUid("reg_123", "ses_456", host),
    sequence: 0,
    startsAt: berlin(2025, 8, 10, 14),
    endsAt: berlin(2025, 8, 10, 16),
    title: "Vielfaltsorientierte Verwaltung stärken",
    description: invitationDescription({
      locale: "de",
      summary: "Wie Behörden Vielfalt in Personalgewinnung und Bürgerservice verankern; mit Übungen, Fallbeispielen und Austausch.",
      joinUrl,
      contactEmail: "komma@example.de",
    }),
    location: joinUrl,
    url: joinUrl,
    organizer: { name: "KommA Programmteam", email: "komma@example.de" },
    attendee: { name: "Jörg Müller-Öztürk", email: "joerg.mueller@behoerde.example.de" },
    ...overrides,
  };
}

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent("vevent");
  if (!event) throw new Error("no VEVENT in calendar file");
  return { calendar, event };
}

function utcValue(event: ICAL.Component, name: string): string {
  const time = event.getFirstPropertyValue(name) as ICAL.Time;
  return time.toString();
}

describe("calendar invitation", () => {
  it("puts a 14:00 Berlin session in September at 12:00 UTC (summer time)", () => {
    const { event } = parse(buildInvitation(invitation()));
    expect(utcValue(event, "dtstart")).toBe("2025-09-10T12:00:00Z");
    expect(utcValue(event, "dtend")).toBe("2025-09-10T14:00:00Z");
  });

  it("puts a 14:00 Berlin session in December at 13:00 UTC (winter time)", () => {
    const ics = buildInvitation(invitation({ startsAt: berlin(2025, 11, 3, 14), endsAt: berlin(2025, 11, 3, 16) }));
    expect(ics).toContain("DTSTART:20251203T130000Z\r\n");
    expect(utcValue(parse(ics).event, "dtstart")).toBe("2025-12-03T13:00:00Z");
  });

  it("is sent as a meeting request that the participant's calendar files as confirmed", () => {
    const { calendar, event } = parse(buildInvitation(invitation({ sequence: 2 })));
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(event.getFirstPropertyValue("uid")).toBe("reg_123.ses_456@anmeldung.komma.example.de");
    expect(event.getFirstPropertyValue("sequence")).toBe(2);
    expect(event.getFirstPropertyValue("dtstamp")).toBeInstanceOf(ICAL.Time);
  });

  it("names the programme team as organiser so replies reach a person", () => {
    const { event } = parse(buildInvitation(invitation()));
    const organizer = event.getFirstProperty("organizer");
    expect(String(organizer?.getFirstValue()).toLowerCase()).toBe("mailto:komma@example.de");
    expect(organizer?.getParameter("cn")).toBe("KommA Programmteam");
  });

  it("lists the participant as already accepted, without asking for a reply", () => {
    const { event } = parse(buildInvitation(invitation()));
    const attendee = event.getFirstProperty("attendee");
    expect(String(attendee?.getFirstValue()).toLowerCase()).toBe("mailto:joerg.mueller@behoerde.example.de");
    expect(attendee?.getParameter("cn")).toBe("Jörg Müller-Öztürk");
    expect(attendee?.getParameter("rsvp")).toBe("FALSE");
    expect(attendee?.getParameter("partstat")).toBe("ACCEPTED");
  });

  it("can be sent without an attendee", () => {
    const { event } = parse(buildInvitation(invitation({ attendee: undefined })));
    expect(event.getFirstProperty("attendee")).toBeNull();
  });

  it("removes the entry from the participant's calendar when cancelled under the same UID", () => {
    const request = parse(buildInvitation(invitation({ sequence: 0 })));
    const cancel = parse(buildInvitation(invitation({ method: "CANCEL", sequence: 1 })));
    expect(cancel.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancel.event.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancel.event.getFirstPropertyValue("uid")).toBe(request.event.getFirstPropertyValue("uid"));
    expect(cancel.event.getFirstPropertyValue("sequence")).toBe(1);
    expect(cancel.event.getFirstProperty("attendee")?.getParameter("partstat")).toBeUndefined();
  });

  it("keeps umlauts in title, description and names intact", () => {
    const { event } = parse(buildInvitation(invitation()));
    expect(event.getFirstPropertyValue("summary")).toBe("Vielfaltsorientierte Verwaltung stärken");
    const description = String(event.getFirstPropertyValue("description"));
    expect(description).toContain("Wie Behörden Vielfalt in Personalgewinnung und Bürgerservice verankern; mit Übungen");
    expect(description).toContain("Bestätigungs-E-Mail");
  });

  it("carries the join link but never the personal manage link", () => {
    const { event } = parse(buildInvitation(invitation()));
    const description = String(event.getFirstPropertyValue("description"));
    expect(description).toContain(joinUrl);
    expect(description).not.toMatch(/\/r\//);
    expect(event.getFirstPropertyValue("url")).toBe(joinUrl);
    expect(event.getFirstPropertyValue("location")).toBe(joinUrl);
  });

  it("survives a description with line breaks, commas and semicolons", () => {
    const description = "Erste Zeile, mit Komma; und Semikolon\nZweite Zeile mit Backslash \\ am Ende";
    const { event } = parse(buildInvitation(invitation({ description })));
    expect(event.getFirstPropertyValue("description")).toBe(description);
  });

  it("uses CRLF line endings and folds long lines as the standard requires", () => {
    const ics = buildInvitation(invitation());
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
    // Folded continuation lines start with whitespace; the description above is long enough to fold.
    expect(ics).toMatch(/\r\n[ \t]/);
  });

  it("keeps every line within 75 octets, also for names full of umlauts and emoji (RFC 5545 3.1)", () => {
    const name = "Ärztekammer Überlingen 😀 Jörg-Günther Müller-Lüdenscheidt ÄÖÜ äöü ß ✓✓✓ 😀😀";
    const title = `Übergriffsmanagement – Mitarbeitenden-Befragung für Städte, Gemeinden und Landkreise 😀 ${"äöü".repeat(20)}`;
    const ics = buildInvitation(invitation({ title, attendee: { name, email: "a@example.de" } }));
    const lines = ics.split("\r\n");
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    // Folding never cuts a character in two: reading it back gives the texts unchanged.
    const { event } = parse(ics);
    expect(event.getFirstPropertyValue("summary")).toBe(title);
    expect(event.getFirstProperty("attendee")?.getParameter("cn")).toBe(name);
  });

  it("writes PARTSTAT as the bare token the grammar has, not as a quoted string", () => {
    const ics = buildInvitation(invitation());
    const unfolded = ics.replace(/\r\n[ \t]/g, "");
    expect(unfolded).toMatch(/;PARTSTAT=ACCEPTED[;:]/);
    expect(unfolded).not.toContain('PARTSTAT="');
  });

  it("shows the same time whatever time zone the server runs in", () => {
    const expected = buildInvitation(invitation());
    for (const zone of ["Europe/Berlin", "Pacific/Kiritimati", "America/Los_Angeles"]) {
      vi.stubEnv("TZ", zone);
      try {
        // Node re-reads TZ when it is set; without that the loop would prove nothing.
        expect(new Date(Date.UTC(2025, 8, 10, 12)).getHours()).not.toBe(12);
        const ics = buildInvitation(invitation());
        expect(ics).toContain("DTSTART:20250910T120000Z\r\n");
        expect(ics.replace(/DTSTAMP:\S+/, "")).toBe(expected.replace(/DTSTAMP:\S+/, ""));
      } finally {
        vi.unstubAllEnvs();
      }
    }
  });

  it("refuses to build a session that ends before it starts", () => {
    expect(() => buildInvitation(invitation({ endsAt: berlin(2025, 8, 10, 13) }))).toThrow(/end after it starts/);
  });

  it("treats an unusable organiser address as a bug, not as a silent empty file", () => {
    expect(() => buildInvitation(invitation({ organizer: { name: "KommA", email: "not an address" } }))).toThrow(Error);
  });
});

describe("invitation UID", () => {
  it("stays the same for every resend of a registration's session, so the calendar updates one entry", () => {
    expect(invitationUid("reg_123", "ses_456", host)).toBe(invitationUid("reg_123", "ses_456", host));
    expect(invitationUid("reg_123", "ses_456", host)).toBe("reg_123.ses_456@anmeldung.komma.example.de");
  });

  it("changes when the participant switches to another date, so old and new entries stay apart", () => {
    expect(invitationUid("reg_123", "ses_789", host)).not.toBe(invitationUid("reg_123", "ses_456", host));
  });
});

// RFC 5545 3.1: a quoted parameter value holds no DQUOTE and no control
// character; an unquoted one holds none of `";:,` either.
const parameterValue = /^(?:"[^"\x00-\x08\x0A-\x1F\x7F]*"|[^";:,\x00-\x08\x0A-\x1F\x7F]*)$/;

function unfoldedLines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, "").split("\r\n");
}

function propertyParameters(ics: string, name: string): string[] {
  const line = unfoldedLines(ics).find((candidate) => candidate.startsWith(`${name};`));
  if (!line) throw new Error(`no ${name} line`);
  // Parameters end at the first colon outside double quotes.
  const parameters: string[] = [];
  let current = "";
  let quoted = false;
  for (const character of line.slice(name.length + 1)) {
    if (character === '"') quoted = !quoted;
    if (!quoted && (character === ";" || character === ":")) {
      parameters.push(current);
      current = "";
      if (character === ":") return parameters;
      continue;
    }
    current += character;
  }
  throw new Error(`${name} line has no value: ${line}`);
}

describe("calendar invitation with quotes and line breaks in names", () => {
  const attendee = { name: 'Jörg "Jo" Müller', email: "joerg.mueller@behoerde.example.de" };
  const organizer = { name: 'Team "KommA"', email: "komma@example.de" };

  it("writes an attendee name with double quotes as a valid CN that calendar programs read back", () => {
    const ics = buildInvitation(invitation({ attendee }));
    for (const parameter of propertyParameters(ics, "ATTENDEE")) {
      const value = parameter.slice(parameter.indexOf("=") + 1);
      expect(value, parameter).toMatch(parameterValue);
    }
    const { event } = parse(ics);
    const property = event.getFirstProperty("attendee");
    expect(property?.getParameter("cn")).toBe("Jörg 'Jo' Müller");
    expect(String(property?.getFirstValue()).toLowerCase()).toBe("mailto:joerg.mueller@behoerde.example.de");
    expect(property?.getParameter("partstat")).toBe("ACCEPTED");
  });

  it("writes an organiser name with double quotes as a valid CN", () => {
    const ics = buildInvitation(invitation({ organizer }));
    for (const parameter of propertyParameters(ics, "ORGANIZER")) {
      expect(parameter.slice(parameter.indexOf("=") + 1), parameter).toMatch(parameterValue);
    }
    expect(parse(ics).event.getFirstProperty("organizer")?.getParameter("cn")).toBe("Team 'KommA'");
  });

  it("keeps a line break in a name from ending the ATTENDEE property", () => {
    const ics = buildInvitation(invitation({ attendee: { ...attendee, name: "Jörg\r\nATTENDEE:mailto:x@evil.example" } }));
    const { event } = parse(ics);
    expect(event.getAllProperties("attendee")).toHaveLength(1);
    expect(event.getFirstProperty("attendee")?.getParameter("cn")).toBe("Jörg ATTENDEE:mailto:x@evil.example");
  });
});
