import { describe, expect, it } from "vitest";
import { formatDate, formatInstant, formatShortDate, formatTime } from "@/lib/time/format";
import { instantToZoned, nextWeekdays, zonedToInstant } from "@/lib/time/zoned";

describe("session times in Europe/Berlin", () => {
  it("store 14:00 in September (summer time) as 12:00 UTC", () => {
    expect(zonedToInstant("2025-09-10", "14:00", "Europe/Berlin").toISOString()).toBe("2025-09-10T12:00:00.000Z");
  });

  it("store 14:00 in December (winter time) as 13:00 UTC", () => {
    expect(zonedToInstant("2026-12-02", "14:00", "Europe/Berlin").toISOString()).toBe("2026-12-02T13:00:00.000Z");
  });

  it("read back the wall-clock time that was entered, across the daylight-saving change", () => {
    for (const date of ["2026-03-28", "2026-03-30", "2026-10-24", "2026-10-26"]) {
      expect(instantToZoned(zonedToInstant(date, "14:00", "Europe/Berlin"), "Europe/Berlin")).toEqual({ date, time: "14:00" });
    }
  });

  it("are shown in German with the weekday", () => {
    const instant = new Date("2025-09-10T12:00:00Z");
    expect(formatDate(instant, "Europe/Berlin", "de")).toBe("Mittwoch, 10. September 2025");
    expect(formatTime(instant, "Europe/Berlin", "de")).toBe("14:00");
  });

  it("write a point in time one way per language: 16.12.2026, 10:00 Uhr / 16 December 2026, 10:00", () => {
    const instant = new Date("2026-12-16T09:00:00Z");
    expect(formatInstant(instant, "Europe/Berlin", "de")).toBe("16.12.2026, 10:00 Uhr");
    expect(formatInstant(instant, "Europe/Berlin", "en")).toBe("16 December 2026, 10:00");
    expect(formatShortDate(instant, "Europe/Berlin", "de")).toBe("16.12.2026");
    expect(formatShortDate(instant, "Europe/Berlin", "en")).toBe("16 December 2026");
  });

  it("put the demo sessions on the next Wednesdays", () => {
    expect(nextWeekdays(new Date("2026-11-26T10:00:00Z"), 3, 3, "Europe/Berlin")).toEqual(["2026-12-02", "2026-12-09", "2026-12-16"]);
    // On a Wednesday the next one is a week later, never today.
    expect(nextWeekdays(new Date("2026-12-02T08:00:00Z"), 3, 1, "Europe/Berlin")).toEqual(["2026-12-09"]);
  });
});
