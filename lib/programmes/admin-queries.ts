import "server-only";
import { assertAdmin, NotFoundError, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { isUuid } from "../input/uuid";
import { currentProgrammeId } from "./current-programme";
import { programmeSummarySelect, type ProgrammeSummary } from "./queries";

export type ProgrammeListEntry = {
  id: string;
  slug: string;
  name: string;
  /** Whether the public pages show it now (marked, or named by PROGRAMME_SLUG while none is marked). */
  shown: boolean;
  workshopCount: number;
  privacyNoticeVersion: number | null;
};

/** Every programme, for administrators. */
export async function listProgrammes(actor: Actor | null): Promise<ProgrammeListEntry[]> {
  assertAdmin(actor);
  const [programmes, shownId] = await Promise.all([
    db.programme.findMany({
      orderBy: [{ createdAt: "asc" }],
      select: {
        id: true,
        slug: true,
        name: true,
        _count: { select: { workshops: true } },
        privacyNotices: { orderBy: { version: "desc" }, take: 1, select: { version: true } },
      },
    }),
    currentProgrammeId(),
  ]);
  return programmes.map((programme) => ({
    id: programme.id,
    slug: programme.slug,
    name: programme.name,
    shown: programme.id === shownId,
    workshopCount: programme._count.workshops,
    privacyNoticeVersion: programme.privacyNotices[0]?.version ?? null,
  }));
}

export type ProgrammeForEditing = ProgrammeSummary & {
  retentionDays: number;
  shown: boolean;
  privacyNotice: { version: number; text: string; textEn: string | null; publishedAt: Date } | null;
};

export async function getProgrammeForEditing(actor: Actor | null, programmeId: string): Promise<ProgrammeForEditing> {
  assertAdmin(actor);
  const programme = isUuid(programmeId)
    ? await db.programme.findUnique({
        where: { id: programmeId },
        select: {
          ...programmeSummarySelect,
          retentionDays: true,
          privacyNotices: { orderBy: { version: "desc" }, take: 1, select: { version: true, text: true, textEn: true, publishedAt: true } },
        },
      })
    : null;
  if (!programme) throw new NotFoundError(`Programme ${programmeId}`);
  const { privacyNotices, ...fields } = programme;
  return { ...fields, shown: programme.id === (await currentProgrammeId()), privacyNotice: privacyNotices[0] ?? null };
}
