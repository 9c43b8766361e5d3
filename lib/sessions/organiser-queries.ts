import "server-only";
import { assertCanManageSession, requireActor, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { fillState, type FillState } from "./schema";

export type OrganiserSessionSummary = {
  id: string;
  workshopId: string;
  workshopTitle: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  fill: FillState;
};

/** The dashboard: sessions that have not ended, of the workshops the actor manages. */
export async function listUpcomingSessions(actor: Actor | null, now = new Date()): Promise<OrganiserSessionSummary[]> {
  const signedIn = requireActor(actor);
  const sessions = await db.session.findMany({
    where: {
      endsAt: { gte: now },
      ...(signedIn.role === "ADMIN" ? {} : { workshop: { organisers: { some: { userId: signedIn.id } } } }),
    },
    orderBy: { startsAt: "asc" },
    take: 200,
    select: {
      id: true,
      workshopId: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      capacity: true,
      confirmedCount: true,
      waitlistEnabled: true,
      status: true,
      workshop: { select: { title: true } },
      _count: { select: { registrations: { where: { status: "WAITLISTED" } } } },
    },
  });
  return sessions.map((session) => ({
    id: session.id,
    workshopId: session.workshopId,
    workshopTitle: session.workshop.title,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    timeZone: session.timeZone,
    capacity: session.capacity,
    confirmedCount: session.confirmedCount,
    waitlistCount: session._count.registrations,
    fill: fillState(session),
  }));
}

export type OrganiserSessionDetail = OrganiserSessionSummary & {
  workshopSlug: string;
  status: "SCHEDULED" | "CANCELLED";
  waitlistEnabled: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  format: "ONLINE" | "ON_SITE";
  joinUrl: string | null;
  location: string | null;
  reminderHours: number;
  sequence: number;
  pendingCount: number;
  attendedCount: number;
  started: boolean;
};

/** One session with its counts, for its organiser pages. */
export async function getSessionForOrganiser(actor: Actor | null, sessionId: string, now = new Date()): Promise<OrganiserSessionDetail> {
  await assertCanManageSession(actor, sessionId);
  const session = await db.session.findUniqueOrThrow({
    where: { id: sessionId },
    select: {
      id: true,
      workshopId: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      capacity: true,
      confirmedCount: true,
      waitlistEnabled: true,
      status: true,
      registrationOpensAt: true,
      registrationClosesAt: true,
      format: true,
      joinUrl: true,
      location: true,
      reminderHours: true,
      sequence: true,
      workshop: { select: { title: true, slug: true } },
    },
  });
  const counts = await db.registration.groupBy({ by: ["status"], where: { sessionId }, _count: { _all: true } });
  const count = (status: string) => counts.find((row) => row.status === status)?._count._all ?? 0;
  const attendedCount = await db.registration.count({ where: { sessionId, status: "CONFIRMED", attended: true } });
  const { workshop, ...rest } = session;
  return {
    ...rest,
    workshopTitle: workshop.title,
    workshopSlug: workshop.slug,
    waitlistCount: count("WAITLISTED"),
    pendingCount: count("PENDING"),
    attendedCount,
    fill: fillState(session),
    started: session.startsAt <= now,
  };
}
