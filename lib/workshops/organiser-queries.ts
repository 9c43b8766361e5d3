import "server-only";
import { assertCanManageWorkshop, requireActor, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { materialsWithCounts, type OrganiserMaterial } from "../materials/organiser-queries";
import { fillState, type FillState } from "../sessions/schema";
import { mayAddMaterial, mayPublish } from "./publishing";
import type { QuestionOption, QuestionType } from "./schema";

export type ManagedWorkshop = { id: string; title: string; slug: string; published: boolean; upcomingSessions: number };

/** The workshops the actor manages: all for administrators, the assigned ones for organisers. */
export async function listManagedWorkshops(actor: Actor | null, now = new Date()): Promise<ManagedWorkshop[]> {
  const signedIn = requireActor(actor);
  const workshops = await db.workshop.findMany({
    where: signedIn.role === "ADMIN" ? {} : { organisers: { some: { userId: signedIn.id } } },
    orderBy: [{ position: "asc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      slug: true,
      published: true,
      _count: { select: { sessions: { where: { endsAt: { gte: now }, status: "SCHEDULED" } } } },
    },
  });
  return workshops.map(({ _count, ...workshop }) => ({ ...workshop, upcomingSessions: _count.sessions }));
}

export type WorkshopForEditing = {
  id: string;
  title: string;
  titleEn: string | null;
  slug: string;
  summary: string;
  summaryEn: string | null;
  description: string;
  descriptionEn: string | null;
  guidingQuestions: string[];
  guidingQuestionsEn: string[];
  /** The instruments the workshop presents, in its order. */
  instruments: { id: string; title: string }[];
  published: boolean;
  doubleOptIn: boolean;
  requiresApproval: boolean;
  holdHours: number;
  /** `reportKey`: what reports count the answers as (lib/dashboard/institution-kinds.ts); such a question keeps its type and options. */
  questions: { id: string; type: QuestionType; labelDe: string; labelEn: string; required: boolean; options: QuestionOption[]; reportKey: string | null }[];
  materials: OrganiserMaterial[];
  sessions: { id: string; startsAt: Date; endsAt: Date; timeZone: string; capacity: number; confirmedCount: number; fill: FillState }[];
  /** What this actor may put on the public page (decision 0015). */
  actorMayPublish: boolean;
  actorMayAddMaterial: boolean;
};

/** A workshop with its questions, materials and sessions, for its organiser pages. */
export async function getWorkshopForEditing(actor: Actor | null, workshopId: string): Promise<WorkshopForEditing> {
  const signedIn = await assertCanManageWorkshop(actor, workshopId);
  const workshop = await db.workshop.findUniqueOrThrow({
    where: { id: workshopId },
    select: {
      id: true,
      title: true,
      titleEn: true,
      slug: true,
      summary: true,
      summaryEn: true,
      description: true,
      descriptionEn: true,
      guidingQuestions: true,
      guidingQuestionsEn: true,
      instruments: { orderBy: { position: "asc" }, select: { instrument: { select: { id: true, title: true } } } },
      published: true,
      doubleOptIn: true,
      requiresApproval: true,
      holdHours: true,
      questions: {
        orderBy: { position: "asc" },
        select: { id: true, type: true, labelDe: true, labelEn: true, required: true, options: true, reportKey: true },
      },
      sessions: {
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true, timeZone: true, capacity: true, confirmedCount: true, waitlistEnabled: true, status: true },
      },
    },
  });
  return {
    ...workshop,
    instruments: workshop.instruments.map((entry) => entry.instrument),
    materials: await materialsWithCounts({ workshopId }),
    questions: workshop.questions.map((question) => ({ ...question, options: Array.isArray(question.options) ? (question.options as QuestionOption[]) : [] })),
    sessions: workshop.sessions.map(({ waitlistEnabled, status, ...session }) => ({ ...session, fill: fillState({ ...session, waitlistEnabled, status }) })),
    actorMayPublish: mayPublish(signedIn.role),
    actorMayAddMaterial: mayAddMaterial(signedIn.role, workshop.published),
  };
}
