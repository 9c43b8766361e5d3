import "server-only";
import { shortLived } from "../cache/short-lived";
import { db } from "../db";
import { isUuid } from "../input/uuid";
import { availabilitySelect, sessionAvailability, type Availability } from "./availability";

export type PublicSessionInfo = {
  id: string;
  /** `titleEn`: the English title, null where organisers wrote none (docs/decisions/0032). */
  workshop: { slug: string; title: string; titleEn: string | null };
  startsAt: string;
  endsAt: string;
  timeZone: string;
  format: "ONLINE" | "ON_SITE";
  status: "SCHEDULED" | "CANCELLED";
  capacity: number;
  seatsLeft: number;
  waitlistEnabled: boolean;
  availability: Availability["state"];
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  privacyNoticeVersion: number | null;
  questions: { id: string; type: string; required: boolean; labelDe: string; labelEn: string; options: unknown }[];
};

/**
 * Public facts about a session of a published workshop (never the join link),
 * at most a second old: programs poll this during a registration opening,
 * and registering always decides on the live row.
 */
export function getPublicSessionInfo(id: string): Promise<PublicSessionInfo | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  return publicSessions(id.toLowerCase());
}

const publicSessions = shortLived(1_000, (id: string) => loadPublicSessionInfo(id, new Date()));

async function loadPublicSessionInfo(id: string, now: Date): Promise<PublicSessionInfo | null> {
  const session = await db.session.findFirst({
    where: { id, workshop: { published: true } },
    select: {
      ...availabilitySelect,
      id: true,
      endsAt: true,
      timeZone: true,
      format: true,
      workshop: {
        select: {
          slug: true,
          title: true,
          titleEn: true,
          questions: { orderBy: { position: "asc" }, select: { id: true, type: true, required: true, labelDe: true, labelEn: true, options: true } },
          programme: { select: { privacyNotices: { orderBy: { version: "desc" }, take: 1, select: { version: true } } } },
        },
      },
    },
  });
  if (!session) return null;
  return {
    id: session.id,
    workshop: { slug: session.workshop.slug, title: session.workshop.title, titleEn: session.workshop.titleEn?.trim() || null },
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    timeZone: session.timeZone,
    format: session.format,
    status: session.status,
    capacity: session.capacity,
    seatsLeft: Math.max(0, session.capacity - session.confirmedCount),
    waitlistEnabled: session.waitlistEnabled,
    availability: sessionAvailability(session, now).state,
    registrationOpensAt: session.registrationOpensAt?.toISOString() ?? null,
    registrationClosesAt: session.registrationClosesAt?.toISOString() ?? null,
    privacyNoticeVersion: session.workshop.programme.privacyNotices[0]?.version ?? null,
    questions: session.workshop.questions,
  };
}
