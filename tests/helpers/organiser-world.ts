// A small world for organiser tests: two workshops, each with its own
// organiser, an administrator, sessions with registrations. Every call makes
// fresh rows, so tests can run in any order and change what they like.
import { randomUUID } from "node:crypto";
import type { Actor } from "../../lib/auth/authorisation";
import { db } from "../../lib/db";
import { env } from "../../lib/env";
import { uniqueSlug } from "./factories";

const hour = 3600_000;

async function user(role: "ADMIN" | "ORGANISER", label: string): Promise<Actor> {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.org`;
  const created = await db.user.create({ data: { email, role, name: label }, select: { id: true, email: true, name: true, role: true } });
  return created;
}

/** The installation's programme (PROGRAMME_SLUG), which new workshops belong to. */
export async function currentProgramme() {
  const slug = env().PROGRAMME_SLUG;
  return db.programme.upsert({
    where: { slug },
    create: {
      slug,
      name: "KommA",
      description: "Programm",
      contactEmail: "komma@example.org",
      privacyNotices: { create: { version: 1, text: "Datenschutzhinweise" } },
    },
    update: {},
    select: { id: true, privacyNotices: { select: { id: true }, orderBy: { version: "desc" }, take: 1 } },
  });
}

type RegistrationSeed = { status: "CONFIRMED" | "WAITLISTED"; ticket?: number; email?: string; attended?: boolean; locale?: "de" | "en" };

export async function addRegistration(sessionId: string, privacyNoticeId: string, seed: RegistrationSeed) {
  const email = seed.email ?? `person-${randomUUID().slice(0, 8)}@example.org`;
  const registration = await db.registration.create({
    data: {
      sessionId,
      privacyNoticeId,
      status: seed.status,
      waitlistPosition: seed.status === "WAITLISTED" ? (seed.ticket ?? 1) : null,
      firstName: "Erika",
      lastName: `Muster-${email.slice(7, 11)}`,
      email,
      organisation: "Stadt Musterhausen",
      role: "ADMINISTRATION",
      locale: seed.locale ?? "de",
      consentedAt: new Date(),
      confirmedAt: seed.status === "CONFIRMED" ? new Date() : null,
      attended: seed.attended ?? null,
    },
    select: { id: true, email: true },
  });
  if (seed.status === "CONFIRMED") await db.session.update({ where: { id: sessionId }, data: { confirmedCount: { increment: 1 } } });
  else await db.session.update({ where: { id: sessionId }, data: { waitlistTicket: { increment: 1 } } });
  return registration;
}

async function workshop(programmeId: string, title: string) {
  return db.workshop.create({
    data: {
      programmeId,
      slug: uniqueSlug("ws"),
      title,
      summary: "Kurz",
      description: "Lang",
      published: true,
      questions: {
        create: [
          { position: 0, type: "TEXT", labelDe: "Erwartungen", labelEn: "Expectations" },
          { position: 1, type: "CHECKBOX", labelDe: "Foto ok", labelEn: "Photo ok" },
        ],
      },
      materials: { create: { title: "Folien", url: "https://example.org/folien.pdf" } },
    },
    select: { id: true, questions: { select: { id: true }, orderBy: { position: "asc" } }, materials: { select: { id: true } } },
  });
}

/**
 * A session starting `startsInHours` from now, on whole hours as the session form
 * enters them. Sessions a day or more ahead start at 09:00 UTC (10:00 or 11:00 in
 * Berlin) on that day, so that the form, which has one date for start and end,
 * can show them whatever the hour the tests run at.
 */
async function session(workshopId: string, options: { startsInHours: number; capacity: number }) {
  const nextHour = Math.floor(Date.now() / hour) * hour + options.startsInHours * hour;
  const startsAt = new Date(nextHour);
  if (options.startsInHours >= 24) startsAt.setUTCHours(9, 0, 0, 0);
  return db.session.create({
    data: { workshopId, startsAt, endsAt: new Date(startsAt.getTime() + 2 * hour), capacity: options.capacity, joinUrl: "https://video.example.org/raum" },
    select: { id: true },
  });
}

export async function organiserWorld() {
  const programme = await currentProgramme();
  const privacyNoticeId = programme.privacyNotices[0]!.id;
  const [admin, organiserA, organiserB] = await Promise.all([user("ADMIN", "admin"), user("ORGANISER", "orga"), user("ORGANISER", "orgb")]);
  const workshopA = await workshop(programme.id, "Workshop A");
  const workshopB = await workshop(programme.id, "Workshop B");
  await db.workshopAssignment.createMany({
    data: [
      { userId: organiserA.id, workshopId: workshopA.id },
      { userId: organiserB.id, workshopId: workshopB.id },
    ],
  });

  const sessionA = await session(workshopA.id, { startsInHours: 24 * 10, capacity: 1 });
  const confirmedA = await addRegistration(sessionA.id, privacyNoticeId, { status: "CONFIRMED" });
  const waitingA = await addRegistration(sessionA.id, privacyNoticeId, { status: "WAITLISTED", ticket: 1 });
  const pastSessionA = await session(workshopA.id, { startsInHours: -3, capacity: 5 });
  const pastConfirmedA = await addRegistration(pastSessionA.id, privacyNoticeId, { status: "CONFIRMED" });
  const sessionB = await session(workshopB.id, { startsInHours: 24 * 12, capacity: 5 });

  return {
    privacyNoticeId,
    actors: { anonymous: null, organiserA, organiserB, admin } as const,
    workshopA: { id: workshopA.id, questionIds: workshopA.questions.map((question) => question.id), materialId: workshopA.materials[0]!.id },
    workshopB: { id: workshopB.id },
    sessionA: sessionA.id,
    pastSessionA: pastSessionA.id,
    sessionB: sessionB.id,
    confirmedA: confirmedA.id,
    waitingA: waitingA.id,
    pastConfirmedA: pastConfirmedA.id,
  };
}

export type OrganiserWorld = Awaited<ReturnType<typeof organiserWorld>>;
export type ActorName = keyof OrganiserWorld["actors"];
export const actorNames: ActorName[] = ["anonymous", "organiserA", "organiserB", "admin"];

/** Everything an organiser command could touch in workshop A, plus the outbox and audit totals. */
export async function snapshot(world: OrganiserWorld) {
  const workshopId = world.workshopA.id;
  const [workshop, sessions, registrations, outbox, audit, assignments] = await Promise.all([
    db.workshop.findUnique({
      where: { id: workshopId },
      include: { questions: { orderBy: { id: "asc" } }, materials: { orderBy: { id: "asc" } }, instruments: { orderBy: { instrumentId: "asc" } } },
    }),
    db.session.findMany({ where: { workshopId }, orderBy: { id: "asc" } }),
    db.registration.findMany({ where: { session: { workshopId } }, orderBy: { id: "asc" } }),
    db.outboxMessage.count(),
    db.auditEvent.count(),
    db.workshopAssignment.count(),
  ]);
  const workshopCount = await db.workshop.count();
  return JSON.stringify({ workshop, sessions, registrations, outbox, audit, assignments, workshopCount });
}
