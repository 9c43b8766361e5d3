import "server-only";
import { cache } from "react";
import { db } from "../db";
import { isUuid } from "../input/uuid";
import { availabilitySelect, sessionAvailability, type Availability } from "../sessions/availability";
import type { FormQuestion } from "./schema";

export type RegistrationTarget = {
  session: {
    id: string;
    startsAt: Date;
    endsAt: Date;
    timeZone: string;
    format: "ONLINE" | "ON_SITE";
    location: string | null;
    availability: Availability;
    raw: Parameters<typeof sessionAvailability>[0];
  };
  workshop: {
    id: string;
    slug: string;
    title: string;
    titleEn: string | null;
    summary: string;
    summaryEn: string | null;
    programmeId: string;
    sessionCount: number;
    doubleOptIn: boolean;
    requiresApproval: boolean;
    holdHours: number;
  };
  /** What the confirmation email needs; server-side only, never rendered on the page. */
  mail: { joinUrl: string | null; sequence: number; programme: { name: string; nameEn: string | null; contactEmail: string } };
  questions: (Omit<FormQuestion, "options"> & { labelDe: string; labelEn: string; options: { value: string; labelDe: string; labelEn: string }[] })[];
  privacyNotice: { id: string; version: number; text: string; textEn: string | null } | null;
};

/** Everything the registration form and its server action need about a session. */
export const getRegistrationTarget = cache(async (sessionId: string): Promise<RegistrationTarget | null> => {
  if (!isUuid(sessionId)) return null;
  const session = await db.session.findFirst({
    where: { id: sessionId, workshop: { published: true } },
    select: {
      ...availabilitySelect,
      id: true,
      endsAt: true,
      timeZone: true,
      format: true,
      location: true,
      joinUrl: true,
      sequence: true,
      workshop: {
        select: {
          id: true,
          slug: true,
          title: true,
          titleEn: true,
          summary: true,
          summaryEn: true,
          programmeId: true,
          doubleOptIn: true,
          requiresApproval: true,
          holdHours: true,
          _count: { select: { sessions: { where: { status: "SCHEDULED" } } } },
          questions: { orderBy: { position: "asc" }, select: { id: true, type: true, required: true, labelDe: true, labelEn: true, options: true } },
          programme: {
            select: {
              name: true,
              nameEn: true,
              contactEmail: true,
              privacyNotices: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, text: true, textEn: true } },
            },
          },
        },
      },
    },
  });
  if (!session) return null;
  const { workshop } = session;
  return {
    session: {
      id: session.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: session.timeZone,
      format: session.format,
      location: session.location,
      availability: sessionAvailability(session, new Date()),
      raw: session,
    },
    workshop: {
      id: workshop.id,
      slug: workshop.slug,
      title: workshop.title,
      titleEn: workshop.titleEn,
      summary: workshop.summary,
      summaryEn: workshop.summaryEn,
      programmeId: workshop.programmeId,
      sessionCount: workshop._count.sessions,
      doubleOptIn: workshop.doubleOptIn,
      requiresApproval: workshop.requiresApproval,
      holdHours: workshop.holdHours,
    },
    mail: {
      joinUrl: session.joinUrl,
      sequence: session.sequence,
      programme: { name: workshop.programme.name, nameEn: workshop.programme.nameEn, contactEmail: workshop.programme.contactEmail },
    },
    questions: workshop.questions.map((question) => ({
      ...question,
      options: Array.isArray(question.options) ? (question.options as { value: string; labelDe: string; labelEn: string }[]) : [],
    })),
    privacyNotice: workshop.programme.privacyNotices[0] ?? null,
  };
});

const SUBMISSION_CACHE_MS = 2_000;
const submissionCache = new Map<string, { loadedAt: number; target: Promise<RegistrationTarget | null> }>();

/**
 * The same, shared for two seconds between submissions in this process: in a
 * registration rush hundreds of requests need the same session's questions,
 * notice and window, and loading them is the costliest step before the
 * transaction. Seats are never read from here (takeSeat decides), so the
 * only staleness is a changed question or window for at most two seconds.
 */
export function getRegistrationTargetForSubmission(sessionId: string, now = Date.now()): Promise<RegistrationTarget | null> {
  const cached = submissionCache.get(sessionId);
  if (cached && now - cached.loadedAt < SUBMISSION_CACHE_MS) return cached.target;
  if (submissionCache.size > 1_000) submissionCache.clear();
  const target = getRegistrationTarget(sessionId);
  submissionCache.set(sessionId, { loadedAt: now, target });
  target.catch(() => submissionCache.delete(sessionId));
  return target;
}
