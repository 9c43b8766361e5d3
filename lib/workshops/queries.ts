import "server-only";
import { cache } from "react";
import { shortLived } from "../cache/short-lived";
import { db } from "../db";
import { availabilitySelect, sessionAvailability, type Availability } from "../sessions/availability";
import { isWorkshopSlug } from "./schema";

export type PublicSession = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  format: "ONLINE" | "ON_SITE";
  location: string | null;
  availability: Availability;
};

export type PublicWorkshop = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  guidingQuestions: string[];
  instruments: string[];
  materials: { id: string; title: string; url: string | null; fileName: string | null }[];
  sessions: PublicSession[];
};

const publicSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  description: true,
  guidingQuestions: true,
  instruments: true,
  materials: { orderBy: { position: "asc" }, select: { id: true, title: true, url: true, fileName: true } },
  sessions: {
    orderBy: { startsAt: "asc" },
    select: { ...availabilitySelect, id: true, endsAt: true, timeZone: true, format: true, location: true },
  },
} as const;

type WorkshopRow = {
  [K in keyof PublicWorkshop]: K extends "sessions" ? (Omit<PublicSession, "availability"> & Parameters<typeof sessionAvailability>[0])[] : PublicWorkshop[K];
};

function toPublic(workshop: WorkshopRow, now: Date): PublicWorkshop {
  return {
    ...workshop,
    sessions: workshop.sessions.map((session) => ({
      id: session.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: session.timeZone,
      format: session.format,
      location: session.location,
      availability: sessionAvailability(session, now),
    })),
  };
}

const publishedWorkshops = shortLived(1_000, async (programmeId: string) => {
  const workshops = await db.workshop.findMany({
    where: { programmeId, published: true },
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: publicSelect,
  });
  const now = new Date();
  return workshops.map((workshop) => toPublic(workshop, now));
});

/** Published workshops of a programme in display order, with their sessions (at most a second old). */
export const listPublishedWorkshops = cache((programmeId: string): Promise<PublicWorkshop[]> => publishedWorkshops(programmeId));

/** After a registration changed seats in this process: the next listing is read afresh. */
export function forgetPublishedWorkshops(): void {
  publishedWorkshops.forget();
}

export const getPublishedWorkshop = cache(async (programmeId: string, slug: string): Promise<PublicWorkshop | null> => {
  // Whatever the URL holds (NUL included) is looked up only if it can be a slug at all.
  if (!isWorkshopSlug(slug)) return null;
  const workshop = await db.workshop.findFirst({ where: { programmeId, slug, published: true }, select: publicSelect });
  return workshop ? toPublic(workshop, new Date()) : null;
});
