import "server-only";
import { db } from "../db";
import { acceptsRegistrations, availabilitySelect, sessionAvailability, type Availability } from "../sessions/availability";
import { hashManageToken, looksLikeManageToken } from "./manage-token";
import type { FormQuestion, ParticipantRole } from "./schema";
import { waitlistRank } from "./seats";

export type ManagedQuestion = Omit<FormQuestion, "options"> & {
  labelDe: string;
  labelEn: string;
  options: { value: string; labelDe: string; labelEn: string }[];
};

/** A workshop's questions as the forms need them (options are stored as JSON). */
export const questionSelect = { id: true, type: true, required: true, labelDe: true, labelEn: true, options: true } as const;

export function toManagedQuestion(question: {
  id: string;
  type: FormQuestion["type"];
  required: boolean;
  labelDe: string;
  labelEn: string;
  options: unknown;
}): ManagedQuestion {
  return { ...question, options: Array.isArray(question.options) ? (question.options as ManagedQuestion["options"]) : [] };
}

export type ManagedRegistration = {
  id: string;
  status: "PENDING" | "CONFIRMED" | "WAITLISTED" | "CANCELLED" | "REJECTED";
  waitlistRank: number | null;
  /** What a pending registration waits for. */
  awaiting: "email" | "approval" | null;
  firstName: string;
  lastName: string;
  email: string;
  organisation: string;
  /** Recorded by the organisers after the session (null: not recorded). */
  attended: boolean | null;
  role: ParticipantRole;
  accessibilityNeeds: string;
  /** Answers by question id, as stored. */
  answers: Record<string, string | string[] | boolean>;
  /** The workshop's questions, for the correction form. */
  questions: ManagedQuestion[];
  /** Nothing can be changed once the session has ended or was cancelled. */
  readOnly: boolean;
  session: {
    id: string;
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    format: "ONLINE" | "ON_SITE";
    location: string | null;
    status: "SCHEDULED" | "CANCELLED";
    /** Only for confirmed participants. */
    joinUrl: string | null;
  };
  workshop: { title: string; titleEn: string | null; summary: string; summaryEn: string | null; slug: string };
  programme: { name: string; contactEmail: string };
  otherSessions: { id: string; startsAt: Date; endsAt: Date; timeZone: string; availability: Availability }[];
  /** The workshop's dates that take registrations now (this one included): the way back after cancelling. */
  openSessions: { id: string; startsAt: Date; timeZone: string; waitlist: boolean }[];
};

/** The registration a private link belongs to, or null for any wrong or unknown token. */
export async function findRegistrationByToken(token: string): Promise<{ id: string } | null> {
  if (!looksLikeManageToken(token)) return null;
  const row = await db.manageToken.findUnique({ where: { hash: hashManageToken(token) }, select: { registrationId: true } });
  return row ? { id: row.registrationId } : null;
}

export async function getManagedRegistration(token: string, now = new Date()): Promise<ManagedRegistration | null> {
  const found = await findRegistrationByToken(token);
  if (!found) return null;
  const registration = await db.registration.findUnique({
    where: { id: found.id },
    select: {
      id: true,
      status: true,
      waitlistPosition: true,
      firstName: true,
      lastName: true,
      email: true,
      organisation: true,
      attended: true,
      role: true,
      accessibilityNeeds: true,
      answers: true,
      anonymisedAt: true,
      holdExpiresAt: true,
      emailConfirmedAt: true,
      session: {
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          format: true,
          location: true,
          status: true,
          joinUrl: true,
          workshop: {
            select: {
              title: true,
              titleEn: true,
              summary: true,
              summaryEn: true,
              slug: true,
              programme: { select: { name: true, contactEmail: true } },
              questions: { orderBy: { position: "asc" }, select: questionSelect },
              sessions: {
                orderBy: { startsAt: "asc" },
                select: { ...availabilitySelect, id: true, endsAt: true, timeZone: true },
              },
            },
          },
        },
      },
    },
  });
  if (!registration || registration.anonymisedAt) return null;
  const { session } = registration;
  const sessions = session.workshop.sessions.map((other) => ({ ...other, availability: sessionAvailability(other, now) }));
  return {
    id: registration.id,
    status: registration.status,
    waitlistRank:
      registration.status === "WAITLISTED" && registration.waitlistPosition !== null ? await waitlistRank(db, session.id, registration.waitlistPosition) : null,
    awaiting: registration.status !== "PENDING" ? null : registration.holdExpiresAt && !registration.emailConfirmedAt ? "email" : "approval",
    firstName: registration.firstName,
    lastName: registration.lastName,
    email: registration.email,
    organisation: registration.organisation,
    attended: registration.attended,
    role: registration.role,
    accessibilityNeeds: registration.accessibilityNeeds ?? "",
    answers:
      registration.answers && typeof registration.answers === "object" && !Array.isArray(registration.answers)
        ? (registration.answers as ManagedRegistration["answers"])
        : {},
    questions: session.workshop.questions.map(toManagedQuestion),
    readOnly: session.endsAt <= now || session.status === "CANCELLED",
    session: {
      id: session.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: session.timeZone,
      format: session.format,
      location: session.location,
      status: session.status,
      joinUrl: registration.status === "CONFIRMED" ? session.joinUrl : null,
    },
    workshop: {
      title: session.workshop.title,
      titleEn: session.workshop.titleEn,
      summary: session.workshop.summary,
      summaryEn: session.workshop.summaryEn,
      slug: session.workshop.slug,
    },
    programme: session.workshop.programme,
    otherSessions: sessions
      .filter((other) => other.id !== session.id)
      .map((other) => ({ id: other.id, startsAt: other.startsAt, endsAt: other.endsAt, timeZone: other.timeZone, availability: other.availability })),
    openSessions: sessions
      .filter((other) => acceptsRegistrations(other.availability))
      .map((other) => ({ id: other.id, startsAt: other.startsAt, timeZone: other.timeZone, waitlist: other.availability.state === "waitlist" })),
  };
}
