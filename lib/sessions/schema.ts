// The organiser's session form: dates and times are entered as wall clock in
// the session's time zone (Europe/Berlin) and turned into UTC instants here.
// Shared by form and server; no server imports. Errors are "organiser.errors" keys.
import { z } from "zod";
import { optionalText } from "../input/text";
import { checkbox, optionalWebUrl, wholeNumber } from "../organiser/zod-fields";
import { instantToZoned, zonedToInstant } from "../time/zoned";

export const SESSION_TIME_ZONE = "Europe/Berlin";

/** "2026-03-04" or "4.3.2026" → "2026-03-04". */
export function normaliseDate(value: string): string | null {
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : german ? [german[3], german[2], german[1]] : [];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** "14:00", "9:30" or "14.00" → "14:00". */
export function normaliseTime(value: string): string | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

const dateField = z
  .string({ error: "required" })
  .refine((value) => value.trim() !== "", { error: "required" })
  .transform((value, context) => normaliseDate(value) ?? (context.addIssue({ code: "custom", message: "date" }), z.NEVER));

const timeField = z
  .string({ error: "required" })
  .refine((value) => value.trim() !== "", { error: "required" })
  .transform((value, context) => normaliseTime(value) ?? (context.addIssue({ code: "custom", message: "time" }), z.NEVER));

/** Optional "YYYY-MM-DDTHH:MM" (datetime-local) or "DD.MM.YYYY HH:MM". */
const optionalDateTime = z
  .string()
  .optional()
  .transform((value, context) => {
    const trimmed = value?.trim() ?? "";
    if (!trimmed) return null;
    const [datePart = "", timePart = ""] = trimmed.split(/[T ]/);
    const date = normaliseDate(datePart);
    const time = normaliseTime(timePart);
    if (!date || !time) {
      context.addIssue({ code: "custom", message: "dateTime" });
      return z.NEVER;
    }
    return { date, time };
  });

export const sessionSchema = z
  .object({
    date: dateField,
    startTime: timeField,
    endTime: timeField,
    capacity: wholeNumber(0, 10_000),
    waitlistEnabled: checkbox,
    registrationOpens: optionalDateTime,
    registrationCloses: optionalDateTime,
    format: z.enum(["ONLINE", "ON_SITE"], { error: "required" }),
    joinUrl: optionalWebUrl,
    location: optionalText(300),
    reminderHours: wholeNumber(0, 24 * 14),
  })
  .transform((input, context) => {
    const timeZone = SESSION_TIME_ZONE;
    const startsAt = zonedToInstant(input.date, input.startTime, timeZone);
    const endsAt = zonedToInstant(input.date, input.endTime, timeZone);
    if (endsAt <= startsAt) context.addIssue({ code: "custom", path: ["endTime"], message: "endBeforeStart" });
    const registrationOpensAt = input.registrationOpens ? zonedToInstant(input.registrationOpens.date, input.registrationOpens.time, timeZone) : null;
    const registrationClosesAt = input.registrationCloses ? zonedToInstant(input.registrationCloses.date, input.registrationCloses.time, timeZone) : null;
    if (registrationOpensAt && registrationClosesAt && registrationClosesAt <= registrationOpensAt) {
      context.addIssue({ code: "custom", path: ["registrationCloses"], message: "windowOrder" });
    }
    if (input.format === "ON_SITE" && !input.location) context.addIssue({ code: "custom", path: ["location"], message: "locationNeeded" });
    return {
      startsAt,
      endsAt,
      timeZone,
      capacity: input.capacity,
      waitlistEnabled: input.waitlistEnabled,
      registrationOpensAt,
      registrationClosesAt,
      format: input.format,
      joinUrl: input.joinUrl,
      location: input.location || null,
      reminderHours: input.reminderHours,
    };
  });
export type SessionInput = z.output<typeof sessionSchema>;

export const cancelSessionSchema = z.object({ message: optionalText(5000) });

/** The form's fields for an existing session, as wall clock in its time zone. */
export function sessionFormValues(session: {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  capacity: number;
  waitlistEnabled: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  format: "ONLINE" | "ON_SITE";
  joinUrl: string | null;
  location: string | null;
  reminderHours: number;
}): Record<string, string> {
  const start = instantToZoned(session.startsAt, session.timeZone);
  const end = instantToZoned(session.endsAt, session.timeZone);
  const local = (instant: Date | null) => {
    if (!instant) return "";
    const zoned = instantToZoned(instant, session.timeZone);
    return `${zoned.date}T${zoned.time}`;
  };
  return {
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    capacity: String(session.capacity),
    waitlistEnabled: session.waitlistEnabled ? "on" : "",
    registrationOpens: local(session.registrationOpensAt),
    registrationCloses: local(session.registrationClosesAt),
    format: session.format,
    joinUrl: session.joinUrl ?? "",
    location: session.location ?? "",
    reminderHours: String(session.reminderHours),
  };
}

export type FillState = "open" | "waitlist" | "full" | "cancelled";

export function fillState(session: { status: "SCHEDULED" | "CANCELLED"; capacity: number; confirmedCount: number; waitlistEnabled: boolean }): FillState {
  if (session.status === "CANCELLED") return "cancelled";
  if (session.confirmedCount < session.capacity) return "open";
  return session.waitlistEnabled ? "waitlist" : "full";
}
