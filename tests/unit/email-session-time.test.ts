import { describe, expect, it } from "vitest";
import { formatInstant, formatSessionTime } from "@/lib/email/templates/session-time";

const berlinSeptember = {
  startsAt: new Date("2025-09-10T12:00:00Z"),
  endsAt: new Date("2025-09-10T14:00:00Z"),
  timeZone: "Europe/Berlin",
};

describe("session times in emails", () => {
  it("show a September noon-UTC session at 14:00 Berlin summer time, in German", () => {
    expect(formatSessionTime("de", berlinSeptember)).toBe("Mittwoch, 10. September 2025, 14:00–16:00 Uhr (MESZ)");
  });

  it("show the same session in English on the 24-hour clock", () => {
    const when = formatSessionTime("en", berlinSeptember);
    expect(when).toContain("Wednesday");
    expect(when).toContain("10 September 2025");
    expect(when).toContain("14:00–16:00");
    expect(when).toContain("CEST");
    expect(when).not.toMatch(/PM|Uhr/);
  });

  it("follow the switch to winter time", () => {
    const january = { startsAt: new Date("2026-01-14T12:00:00Z"), endsAt: new Date("2026-01-14T13:30:00Z"), timeZone: "Europe/Berlin" };
    expect(formatSessionTime("de", january)).toBe("Mittwoch, 14. Januar 2026, 13:00–14:30 Uhr (MEZ)");
  });

  it("use the session's own time zone, not the server's", () => {
    const newYork = { ...berlinSeptember, timeZone: "America/New_York" };
    expect(formatSessionTime("de", newYork)).toContain("Mittwoch, 10. September 2025, 08:00–10:00 Uhr");
  });

  it("name both days when a session runs past midnight", () => {
    const late = { startsAt: new Date("2025-09-10T20:00:00Z"), endsAt: new Date("2025-09-10T23:00:00Z"), timeZone: "Europe/Berlin" };
    expect(formatSessionTime("de", late)).toBe("Mittwoch, 10. September 2025, 22:00 Uhr – Donnerstag, 11. September 2025, 01:00 Uhr (MESZ)");
  });

  it("format a single deadline such as a seat hold", () => {
    expect(formatInstant("de", new Date("2025-09-08T07:30:00Z"), "Europe/Berlin")).toBe("Montag, 8. September 2025, 09:30 Uhr (MESZ)");
    expect(formatInstant("en", new Date("2025-09-08T07:30:00Z"), "Europe/Berlin")).toContain("09:30");
  });
});
