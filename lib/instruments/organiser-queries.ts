import "server-only";
import { assertCanManageInstrument, assertCanManageProgramme, assertCanManageWorkshop, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { currentProgrammeQuery } from "../programmes/current-programme";
import { materialsWithCounts, type OrganiserMaterial } from "../materials/organiser-queries";
import { instrumentTextSelect, type InstrumentTexts } from "./queries";

export type ManagedInstrument = {
  id: string;
  slug: string;
  title: string;
  workshops: { id: string; title: string; published: boolean }[];
  materialCount: number;
};

/** The instruments of this installation's programme, for the people who manage it (any of its workshops' organisers, administrators). */
export async function listManagedInstruments(actor: Actor | null): Promise<ManagedInstrument[]> {
  const programme = await db.programme.findFirst({ ...currentProgrammeQuery(), select: { id: true } });
  if (!programme) return [];
  await assertCanManageProgramme(actor, programme.id);
  const rows = await db.instrument.findMany({
    where: { programmeId: programme.id },
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      workshops: { orderBy: { workshop: { position: "asc" } }, select: { workshop: { select: { id: true, title: true, published: true } } } },
      _count: { select: { materials: true } },
    },
  });
  return rows.map(({ workshops, _count, ...row }) => ({ ...row, workshops: workshops.map((entry) => entry.workshop), materialCount: _count.materials }));
}

export type InstrumentForEditing = InstrumentTexts & {
  position: number;
  isPublic: boolean;
  materials: OrganiserMaterial[];
};

export async function getInstrumentForEditing(actor: Actor | null, instrumentId: string): Promise<InstrumentForEditing> {
  await assertCanManageInstrument(actor, instrumentId);
  const row = await db.instrument.findUniqueOrThrow({
    where: { id: instrumentId },
    select: {
      ...instrumentTextSelect,
      position: true,
      _count: { select: { workshops: { where: { workshop: { published: true } } } } },
    },
  });
  const { _count, ...instrument } = row;
  return { ...instrument, isPublic: _count.workshops > 0, materials: await materialsWithCounts({ instrumentId }) };
}

export type InstrumentChoice = { id: string; title: string; chosen: boolean; position: number };

/** Every instrument of the workshop's programme, the chosen ones first in the workshop's order. */
export async function getInstrumentChoices(actor: Actor | null, workshopId: string): Promise<InstrumentChoice[]> {
  await assertCanManageWorkshop(actor, workshopId);
  const workshop = await db.workshop.findUniqueOrThrow({
    where: { id: workshopId },
    select: { programmeId: true, instruments: { select: { instrumentId: true, position: true } } },
  });
  const chosen = new Map(workshop.instruments.map((entry) => [entry.instrumentId, entry.position]));
  const instruments = await db.instrument.findMany({
    where: { programmeId: workshop.programmeId },
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: { id: true, title: true },
  });
  return instruments
    .map((instrument, index) => ({ ...instrument, chosen: chosen.has(instrument.id), position: chosen.get(instrument.id) ?? 1000 + index }))
    .sort((a, b) => a.position - b.position);
}
