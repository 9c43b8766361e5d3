// Organiser forms for a session's attendees. Shared by forms and server; no
// server imports. Errors are "organiser.errors" keys.
import { z } from "zod";
import { requiredText, storableText } from "../input/text";
import { checkbox } from "../organiser/zod-fields";
import { emailField, LIMITS, participantRoles } from "../registrations/schema";

export const addAttendeeSchema = z.object({
  firstName: requiredText(LIMITS.name),
  lastName: requiredText(LIMITS.name),
  email: emailField,
  organisation: requiredText(LIMITS.organisation),
  role: z.enum(participantRoles, { error: "required" }),
  /** Add even when the session is full: capacity grows by one. */
  override: checkbox,
  /** Send the usual confirmation with the calendar invitation. */
  notify: checkbox,
});
export type AddAttendeeInput = z.output<typeof addAttendeeSchema>;

export const messageGroups = ["CONFIRMED", "WAITLISTED", "ATTENDED"] as const;
export type MessageGroup = (typeof messageGroups)[number];

export const messageSchema = z.object({
  group: z.enum(messageGroups, { error: "required" }),
  subject: requiredText(200),
  body: requiredText(10_000),
});
export type MessageInput = z.output<typeof messageSchema>;

// Every message gets the personal greeting and our closing (see
// lib/email/templates/organiser-message.ts); a body that brings its own reads
// "Guten Tag Anna Älter, / Guten Tag, …". These spot the usual ones so the
// preview can point them out.
const greetingPattern = /^\s*(guten (tag|morgen|abend)|hallo|liebe[rs]?\b|sehr geehrte|moin|servus|dear|hello|hi\b|good (morning|afternoon|evening))/i;
const closingPattern =
  /(^|\n)\s*(mit (freundlichen|besten|herzlichen) grüßen|(viele|beste|liebe|herzliche|freundliche) grüße|gruß|kind regards|best regards|best wishes|regards|sincerely|yours)\b[^\n]*(\n[^\n]*){0,3}\s*$/i;

/** Whether a message body starts with its own greeting or ends with its own closing, which the email adds anyway. */
export function ownCourtesies(body: string): ("greeting" | "closing")[] {
  const found: ("greeting" | "closing")[] = [];
  if (greetingPattern.test(body)) found.push("greeting");
  if (closingPattern.test(body.trimEnd())) found.push("closing");
  return found;
}

export const attendeeStatuses = ["PENDING", "CONFIRMED", "WAITLISTED", "CANCELLED", "REJECTED"] as const;
export const attendeeSorts = ["name", "registered", "organisation", "status"] as const;

/** The attendee list's search and filter, read from the page's query string. */
export const attendeeFilterSchema = z.object({
  // Characters that nothing stored can contain are dropped, not refused: a search never fails.
  q: z
    .string()
    .optional()
    .transform((value) => storableText(value?.trim().slice(0, 200) ?? "")),
  status: z.enum(attendeeStatuses).optional().catch(undefined),
  sort: z
    .enum(attendeeSorts)
    .optional()
    .catch(undefined)
    .transform((value) => value ?? "name"),
});
export type AttendeeFilter = z.output<typeof attendeeFilterSchema>;

/** "attended.<registrationId>" → "yes" | "no" | "" (unknown). */
export function attendanceMarks(values: Record<string, string>): Record<string, boolean | null> {
  const marks: Record<string, boolean | null> = {};
  for (const [name, value] of Object.entries(values)) {
    if (!name.startsWith("attended.")) continue;
    marks[name.slice("attended.".length)] = value === "yes" ? true : value === "no" ? false : null;
  }
  return marks;
}
