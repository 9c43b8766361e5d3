import "server-only";
import { requireActor, type Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Locale } from "../i18n/catalogue";
import type { ExportFilter } from "./export-filter";
import { countExportRows, resolveExportScope } from "./query-registrations";

export type ExportChoices = {
  reach: "all" | "assigned";
  programmes: { id: string; name: string }[];
  workshops: { id: string; title: string; programmeId: string }[];
  sessions: { id: string; workshopId: string; startsAt: Date; endsAt: Date; timeZone: string; cancelled: boolean }[];
};

/** What the export page offers to choose from: everything for administrators, the assigned workshops for organisers. */
export async function listExportChoices(actor: Actor | null): Promise<ExportChoices> {
  const signedIn = requireActor(actor);
  const reach = signedIn.role === "ADMIN" ? "all" : "assigned";
  const workshopWhere = reach === "all" ? {} : { organisers: { some: { userId: signedIn.id } } };
  const workshops = await db.workshop.findMany({
    where: workshopWhere,
    orderBy: [{ programme: { name: "asc" } }, { position: "asc" }, { title: "asc" }],
    select: { id: true, title: true, programmeId: true, programme: { select: { name: true } } },
  });
  const programmes = new Map(workshops.map((workshop) => [workshop.programmeId, workshop.programme.name]));
  const sessions = await db.session.findMany({
    where: { workshop: workshopWhere },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: { id: true, workshopId: true, startsAt: true, endsAt: true, timeZone: true, status: true },
  });
  return {
    reach,
    programmes: [...programmes].map(([id, name]) => ({ id, name })),
    workshops: workshops.map(({ id, title, programmeId }) => ({ id, title, programmeId })),
    sessions: sessions.map(({ status, ...session }) => ({ ...session, cancelled: status === "CANCELLED" })),
  };
}

/** How many registrations an export with this filter would contain; throws like the export itself. */
export async function countExportableRegistrations(actor: Actor | null, filter: ExportFilter, locale: Locale): Promise<number> {
  return countExportRows(await resolveExportScope(actor, filter, locale));
}
