import "server-only";
import { cache } from "react";
import { db } from "../db";
import { publicMaterialSelect, type PublicMaterial } from "../materials/public-material";
import { publicInstrumentWhere, publicMaterialWhere } from "../materials/visibility";

export type PresentingWorkshop = { slug: string; title: string; titleEn: string | null };

/** An instrument's own texts, German and English (null where not translated). */
export type InstrumentTexts = {
  id: string;
  slug: string;
  title: string;
  titleEn: string | null;
  summary: string;
  summaryEn: string | null;
  description: string;
  descriptionEn: string | null;
};

/** The select for InstrumentTexts, for every read that returns them (also the organisers' edit page). */
export const instrumentTextSelect = {
  id: true,
  slug: true,
  title: true,
  titleEn: true,
  summary: true,
  summaryEn: true,
  description: true,
  descriptionEn: true,
} as const;

export type PublicInstrument = InstrumentTexts & {
  materials: PublicMaterial[];
  /** Only published workshops are named. */
  workshops: PresentingWorkshop[];
};

function instrumentSelect(now: Date) {
  return {
    ...instrumentTextSelect,
    materials: { where: publicMaterialWhere(now), orderBy: { position: "asc" }, select: publicMaterialSelect },
    workshops: {
      where: { workshop: { published: true } },
      orderBy: { workshop: { position: "asc" } },
      select: { workshop: { select: { slug: true, title: true, titleEn: true } } },
    },
  } as const;
}

type InstrumentRow = Omit<PublicInstrument, "workshops"> & { workshops: { workshop: PresentingWorkshop }[] };

function toPublic(row: InstrumentRow): PublicInstrument {
  return { ...row, workshops: row.workshops.map((entry) => entry.workshop) };
}

/** The instrument library: every public instrument of the programme with its materials and workshops. */
export const listPublicInstruments = cache(async (programmeId: string): Promise<PublicInstrument[]> => {
  const rows = await db.instrument.findMany({
    where: { programmeId, ...publicInstrumentWhere },
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: instrumentSelect(new Date()),
  });
  return rows.map(toPublic);
});

export const getPublicInstrument = cache(async (programmeId: string, slug: string): Promise<PublicInstrument | null> => {
  const row = await db.instrument.findFirst({ where: { programmeId, slug, ...publicInstrumentWhere }, select: instrumentSelect(new Date()) });
  return row ? toPublic(row) : null;
});
