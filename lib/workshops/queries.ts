import "server-only";
import { cache } from "react";
import { shortLived } from "../cache/short-lived";
import { db } from "../db";
import { publicMaterialSelect, type PublicMaterial } from "../materials/public-material";
import { publicMaterialWhere } from "../materials/visibility";
import { availabilitySelect, sessionAvailability, type Availability } from "../sessions/availability";
import { isUrlSlug } from "../organiser/zod-fields";

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
  /** English versions: null (or empty) where not translated (lib/i18n/localized-text.ts). */
  titleEn: string | null;
  summary: string;
  summaryEn: string | null;
  description: string;
  descriptionEn: string | null;
  guidingQuestions: string[];
  guidingQuestionsEn: string[];
  /** In the workshop's order; each has its own page at /instrumente/<slug>. */
  instruments: { slug: string; title: string; titleEn: string | null }[];
  /** The workshop's own public materials, then those of its instruments. */
  materials: PublicMaterial[];
  sessions: PublicSession[];
};

function publicSelect(now: Date) {
  const materials = { where: publicMaterialWhere(now), orderBy: { position: "asc" }, select: publicMaterialSelect } as const;
  return {
    id: true,
    slug: true,
    title: true,
    titleEn: true,
    summary: true,
    summaryEn: true,
    description: true,
    descriptionEn: true,
    guidingQuestions: true,
    guidingQuestionsEn: true,
    instruments: { orderBy: { position: "asc" }, select: { instrument: { select: { slug: true, title: true, titleEn: true, materials } } } },
    materials,
    sessions: {
      orderBy: { startsAt: "asc" },
      select: { ...availabilitySelect, id: true, endsAt: true, timeZone: true, format: true, location: true },
    },
  } as const;
}

type WorkshopRow = Omit<PublicWorkshop, "sessions" | "instruments"> & {
  instruments: { instrument: { slug: string; title: string; titleEn: string | null; materials: PublicMaterial[] } }[];
  sessions: (Omit<PublicSession, "availability"> & Parameters<typeof sessionAvailability>[0])[];
};

function toPublic(workshop: WorkshopRow, now: Date): PublicWorkshop {
  const materials = [...workshop.materials];
  for (const { instrument } of workshop.instruments) {
    for (const material of instrument.materials) if (!materials.some((shown) => shown.id === material.id)) materials.push(material);
  }
  return {
    ...workshop,
    instruments: workshop.instruments.map(({ instrument: { materials: _materials, ...instrument } }) => instrument),
    materials,
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
  const now = new Date();
  const workshops = await db.workshop.findMany({
    where: { programmeId, published: true },
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: publicSelect(now),
  });
  return workshops.map((workshop) => toPublic(workshop, now));
});

/** Published workshops of a programme in display order, with their sessions (at most a second old). */
export const listPublishedWorkshops = cache((programmeId: string): Promise<PublicWorkshop[]> => publishedWorkshops(programmeId));

/** After an organiser's change has committed (lib/cache/forget-public-content.ts): the next listing is read afresh. Seat counts just wait out the second. */
export function forgetPublishedWorkshops(): void {
  publishedWorkshops.forget();
}

export const getPublishedWorkshop = cache(async (programmeId: string, slug: string): Promise<PublicWorkshop | null> => {
  // Whatever the URL holds (NUL included) is looked up only if it can be a slug at all.
  if (!isUrlSlug(slug)) return null;
  const now = new Date();
  const workshop = await db.workshop.findFirst({ where: { programmeId, slug, published: true }, select: publicSelect(now) });
  return workshop ? toPublic(workshop, now) : null;
});
