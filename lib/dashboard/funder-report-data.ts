// What the funder report contains, from the dashboard's figures: per
// workshop and overall, categories with small groups merged into "other",
// nothing about a person. Pure.
import { aggregateSmallGroups, keyFigures, type Category, type KeyFigures } from "./figures";
import type { DashboardData, SessionFigures, TimelinePoint, WorkshopCategory } from "./queries";
import { summariseFigures, type FigureGroup } from "./summary";

export type ReportSection = {
  id: string;
  title: string;
  figures: KeyFigures;
  sessions: (SessionFigures & { figures: KeyFigures; timeline: TimelinePoint[] })[];
  roles: Category[];
  /** null where no form of the section asks for the kind of institution. */
  institutionKinds: Category[] | null;
};

export type FunderReport = {
  overall: ReportSection & { workshops: FigureGroup[] };
  workshops: ReportSection[];
};

function categoriesOf(rows: WorkshopCategory[], workshopIds: Set<string>): Category[] {
  const counts = new Map<string, number>();
  for (const row of rows) if (workshopIds.has(row.workshopId)) counts.set(row.key, (counts.get(row.key) ?? 0) + row.count);
  return aggregateSmallGroups([...counts].map(([key, count]) => ({ key, count })));
}

export function funderReport(data: DashboardData, overallTitle: string): FunderReport {
  const summary = summariseFigures(data.sessions, overallTitle);
  const asking = new Set(data.institutionKindsByWorkshop.map((row) => row.workshopId));
  const section = (id: string, title: string, figures: KeyFigures, workshopIds: Set<string>): ReportSection => ({
    id,
    title,
    figures,
    sessions: data.sessions
      .filter((session) => workshopIds.has(session.workshopId))
      .map((session) => ({ ...session, figures: keyFigures(session), timeline: data.timeline.get(session.sessionId) ?? [] })),
    roles: categoriesOf(data.rolesByWorkshop, workshopIds),
    institutionKinds:
      data.institutionKinds && [...workshopIds].some((id) => asking.has(id)) ? categoriesOf(data.institutionKindsByWorkshop, workshopIds) : null,
  });
  const allIds = new Set(data.sessions.map((session) => session.workshopId));
  return {
    overall: { ...section("all", overallTitle, summary.overall.figures, allIds), workshops: summary.workshops },
    workshops: summary.workshops.map((workshop) => section(workshop.id, workshop.title, workshop.figures, new Set([workshop.id]))),
  };
}
