// The session figures summed per workshop, per programme and overall. Pure:
// the sums are over a few hundred session rows the database has aggregated.
import { keyFigures, sumCounts, type KeyCounts, type KeyFigures } from "./figures";

type SessionRow = KeyCounts & { workshopId: string; workshopTitle: string; programmeId: string; programmeName: string };

export type FigureGroup = { id: string; title: string; sessions: number; figures: KeyFigures };

export type FigureSummary = {
  overall: FigureGroup;
  programmes: FigureGroup[];
  workshops: (FigureGroup & { programmeId: string })[];
};

function grouped<T extends SessionRow>(sessions: T[], key: (session: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const session of sessions) groups.set(key(session), [...(groups.get(key(session)) ?? []), session]);
  return groups;
}

/** Groups keep the order of the sessions (programme, workshop position, start). */
export function summariseFigures(sessions: SessionRow[], overallTitle: string): FigureSummary {
  const group = (id: string, title: string, rows: SessionRow[]): FigureGroup => ({ id, title, sessions: rows.length, figures: keyFigures(sumCounts(rows)) });
  return {
    overall: group("all", overallTitle, sessions),
    programmes: [...grouped(sessions, (session) => session.programmeId)].map(([id, rows]) => group(id, rows[0]!.programmeName, rows)),
    workshops: [...grouped(sessions, (session) => session.workshopId)].map(([id, rows]) => ({
      ...group(id, rows[0]!.workshopTitle, rows),
      programmeId: rows[0]!.programmeId,
    })),
  };
}
