import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { googleCalendarUrl, outlookCalendarUrl } from "@/lib/calendar/add-to-calendar-links";

const session = {
  title: "Vielfaltsorientierte Verwaltung stärken",
  details: "Zugang: https://meet.example.de/j/4711?pwd=a&b=c\nFragen? komma@example.de",
  location: "Rathaus Köln, Raum 1 & 2",
  startsAt: new Date(new TZDate(2025, 8, 10, 14, 0, 0, "Europe/Berlin").getTime()),
  endsAt: new Date(new TZDate(2025, 8, 10, 16, 0, 0, "Europe/Berlin").getTime()),
};

describe("add to Google Calendar link", () => {
  it("opens Google's event form prefilled with the session", () => {
    const url = new URL(googleCalendarUrl(session));
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(url.searchParams.get("action")).toBe("TEMPLATE");
    expect(url.searchParams.get("text")).toBe(session.title);
    expect(url.searchParams.get("details")).toBe(session.details);
    expect(url.searchParams.get("location")).toBe(session.location);
  });

  it("shows a 14:00 Berlin session at the right time via UTC", () => {
    const url = new URL(googleCalendarUrl(session));
    expect(url.searchParams.get("dates")).toBe("20250910T120000Z/20250910T140000Z");
  });

  it("keeps the join link's own query string inside the details", () => {
    const href = googleCalendarUrl(session);
    expect(href).not.toContain("&b=c");
    expect(new URL(href).searchParams.has("b")).toBe(false);
  });

  it("leaves out the location when there is none", () => {
    expect(new URL(googleCalendarUrl({ ...session, location: undefined })).searchParams.has("location")).toBe(false);
  });
});

describe("add to Outlook link", () => {
  it("opens Outlook's compose form prefilled with the session", () => {
    const url = new URL(outlookCalendarUrl(session));
    expect(url.origin + url.pathname).toBe("https://outlook.office.com/calendar/0/deeplink/compose");
    expect(url.searchParams.get("path")).toBe("/calendar/action/compose");
    expect(url.searchParams.get("rru")).toBe("addevent");
    expect(url.searchParams.get("subject")).toBe(session.title);
    expect(url.searchParams.get("body")).toBe(session.details);
    expect(url.searchParams.get("location")).toBe(session.location);
  });

  it("shows a 14:00 Berlin session at the right time via UTC", () => {
    const url = new URL(outlookCalendarUrl(session));
    expect(url.searchParams.get("startdt")).toBe("2025-09-10T12:00:00Z");
    expect(url.searchParams.get("enddt")).toBe("2025-09-10T14:00:00Z");
    expect(new Date(url.searchParams.get("startdt") ?? "").getTime()).toBe(session.startsAt.getTime());
  });
});
