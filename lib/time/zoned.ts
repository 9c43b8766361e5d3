// Wall-clock times in a session's IANA time zone ⇄ UTC instants. Pure.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** "2025-09-10" + "14:00" in Europe/Berlin → the UTC instant. */
export function zonedToInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  if ([year, month, day, hour, minute].some((part) => part === undefined || Number.isNaN(part))) {
    throw new RangeError(`Not a date and time: ${date} ${time}`);
  }
  return new Date(new TZDate(year!, month! - 1, day!, hour!, minute!, 0, timeZone).getTime());
}

/** The instant as wall-clock date ("yyyy-MM-dd") and time ("HH:mm") in the zone. */
export function instantToZoned(instant: Date, timeZone: string): { date: string; time: string } {
  const zoned = new TZDate(instant.getTime(), timeZone);
  return { date: format(zoned, "yyyy-MM-dd"), time: format(zoned, "HH:mm") };
}

/** The next `count` dates with the given weekday (0 = Sunday) strictly after `from`, in the zone. */
export function nextWeekdays(from: Date, weekday: number, count: number, timeZone: string): string[] {
  const start = new TZDate(from.getTime(), timeZone);
  const ahead = (weekday - start.getDay() + 7) % 7 || 7;
  return Array.from({ length: count }, (_, index) => {
    const day = new TZDate(start.getFullYear(), start.getMonth(), start.getDate() + ahead + index * 7, 12, 0, 0, timeZone);
    return format(day, "yyyy-MM-dd");
  });
}
