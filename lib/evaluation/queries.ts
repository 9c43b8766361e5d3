import "server-only";
import { assertAdmin, assertCanManageWorkshop, NotFoundError, type Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { isUuid } from "../input/uuid";
import { hashEvaluationToken, looksLikeEvaluationToken } from "./evaluation-token";
import type { QuestionOption } from "./schema";
import {
  effectiveEvaluationSettings,
  mayShowBreakdown,
  sessionsInTotals,
  workshopEvaluationSettingsSelect,
  type EffectiveEvaluationSettings,
} from "./settings";
import { summariseAnswers, type QuestionSummary, type SummaryQuestion } from "./summarise-answers";

type Reader = Prisma.TransactionClient | typeof db;

export const evaluationQuestionSelect = {
  id: true,
  type: true,
  labelDe: true,
  labelEn: true,
  required: true,
  options: true,
  scaleLowDe: true,
  scaleLowEn: true,
  scaleHighDe: true,
  scaleHighEn: true,
} as const;

export type EvaluationQuestionView = SummaryQuestion & { required: boolean };

type QuestionRow = Prisma.EvaluationQuestionGetPayload<{ select: typeof evaluationQuestionSelect }>;

function questionView(row: QuestionRow): EvaluationQuestionView {
  return { ...row, options: Array.isArray(row.options) ? (row.options as QuestionOption[]) : [] };
}

/** The questions a workshop asks: its own, or the programme's default questionnaire. */
export function questionnaireWhere(workshop: { id: string; programmeId: string; evaluationOwnQuestions: boolean }): Prisma.EvaluationQuestionWhereInput {
  return workshop.evaluationOwnQuestions ? { workshopId: workshop.id } : { programmeId: workshop.programmeId };
}

export async function questionnaire(client: Reader, workshop: { id: string; programmeId: string; evaluationOwnQuestions: boolean }) {
  const rows = await client.evaluationQuestion.findMany({
    where: questionnaireWhere(workshop),
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: evaluationQuestionSelect,
  });
  return rows.map(questionView);
}

const workshopSettingsSelect = {
  id: true,
  title: true,
  programmeId: true,
  ...workshopEvaluationSettingsSelect,
} as const;

export type EvaluationForm = {
  answered: boolean;
  workshopTitle: string;
  workshopTitleEn: string | null;
  session: { startsAt: Date; endsAt: Date; timeZone: string };
  questions: EvaluationQuestionView[];
};

/**
 * The form behind a personal evaluation link, or null for a wrong or unknown
 * token. It shows the workshop and date, never who the link belongs to.
 */
export async function getEvaluationForm(token: string): Promise<EvaluationForm | null> {
  if (!looksLikeEvaluationToken(token)) return null;
  const hash = hashEvaluationToken(token);
  const invitation = await db.evaluationInvitation.findFirst({
    where: { OR: [{ tokenHash: hash }, { reminderTokenHash: hash }] },
    select: {
      answered: true,
      session: {
        select: {
          startsAt: true,
          endsAt: true,
          timeZone: true,
          workshop: { select: { id: true, title: true, titleEn: true, programmeId: true, evaluationOwnQuestions: true } },
        },
      },
    },
  });
  if (!invitation) return null;
  const { workshop, ...session } = invitation.session;
  return {
    answered: invitation.answered,
    workshopTitle: workshop.title,
    workshopTitleEn: workshop.titleEn,
    session,
    questions: await questionnaire(db, workshop),
  };
}

export type EvaluationSetup = {
  workshop: { id: string; title: string; programmeId: string };
  /** Whether the reader may edit the programme's default questionnaire (administrators). */
  mayEditDefault: boolean;
  settings: EffectiveEvaluationSettings;
  /** The workshop's own numbers (null: the programme's default), for the settings form. */
  own: { delayHours: number | null; reminderDays: number | null; minimumAnswers: number | null };
  defaults: { delayHours: number; reminderDays: number; minimumAnswers: number };
  questions: (EvaluationQuestionView & { answers: number })[];
};

/** The evaluation's settings and questionnaire of a workshop, for its organisers. */
export async function getEvaluationSetup(actor: Actor | null, workshopId: string): Promise<EvaluationSetup> {
  const signedIn = await assertCanManageWorkshop(actor, workshopId);
  const workshop = await db.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: workshopSettingsSelect });
  return {
    workshop: { id: workshop.id, title: workshop.title, programmeId: workshop.programmeId },
    mayEditDefault: signedIn.role === "ADMIN",
    settings: effectiveEvaluationSettings(workshop, workshop.programme),
    own: { delayHours: workshop.evaluationDelayHours, reminderDays: workshop.evaluationReminderDays, minimumAnswers: workshop.evaluationMinimumAnswers },
    defaults: {
      delayHours: workshop.programme.evaluationDelayHours,
      reminderDays: workshop.programme.evaluationReminderDays,
      minimumAnswers: workshop.programme.evaluationMinimumAnswers,
    },
    questions: await questionsWithAnswerCounts(questionnaireWhere(workshop)),
  };
}

async function questionsWithAnswerCounts(where: Prisma.EvaluationQuestionWhereInput): Promise<(EvaluationQuestionView & { answers: number })[]> {
  const rows = await db.evaluationQuestion.findMany({
    where,
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { ...evaluationQuestionSelect, _count: { select: { answers: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...questionView(row), answers: _count.answers }));
}

export type ProgrammeQuestionnaire = {
  programme: { id: string; name: string };
  /** How many workshops ask these questions now (those without their own). */
  workshopsUsingDefault: number;
  /** The numbers every workshop without its own follows. */
  defaults: { delayHours: number; reminderDays: number; minimumAnswers: number };
  questions: (EvaluationQuestionView & { answers: number })[];
};

/** The programme's default questionnaire, for administrators; answers are counted over every workshop that asked it. */
export async function getProgrammeQuestionnaire(actor: Actor | null, programmeId: string): Promise<ProgrammeQuestionnaire> {
  assertAdmin(actor);
  const programme = isUuid(programmeId)
    ? await db.programme.findUnique({
        where: { id: programmeId },
        select: {
          id: true,
          name: true,
          evaluationDelayHours: true,
          evaluationReminderDays: true,
          evaluationMinimumAnswers: true,
          _count: { select: { workshops: { where: { evaluationOwnQuestions: false } } } },
        },
      })
    : null;
  if (!programme) throw new NotFoundError(`Programme ${programmeId}`);
  return {
    programme: { id: programme.id, name: programme.name },
    workshopsUsingDefault: programme._count.workshops,
    defaults: {
      delayHours: programme.evaluationDelayHours,
      reminderDays: programme.evaluationReminderDays,
      minimumAnswers: programme.evaluationMinimumAnswers,
    },
    questions: await questionsWithAnswerCounts({ programmeId }),
  };
}

export type SessionResults = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  invited: number;
  responses: number;
  /** Null below the minimum of answers: only the count is shown. */
  summaries: QuestionSummary[] | null;
};

export type EvaluationResults = {
  workshop: { id: string; title: string };
  minimumAnswers: number;
  invited: number;
  responses: number;
  /** Null below the minimum of answers. */
  summaries: QuestionSummary[] | null;
  /** Answers of small sessions left out of `summaries` (sessionsInTotals). */
  withheldResponses: number;
  sessions: SessionResults[];
};

/**
 * A workshop's results: all its responses together and per session. A group
 * with fewer answers than the minimum shows only its count, so that no answer
 * can be traced to one of the few people of a small session.
 */
export async function getEvaluationResults(actor: Actor | null, workshopId: string): Promise<EvaluationResults> {
  await assertCanManageWorkshop(actor, workshopId);
  const workshop = await db.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: workshopSettingsSelect });
  const settings = effectiveEvaluationSettings(workshop, workshop.programme);
  const questions = await resultQuestions(workshop);
  const answers = await db.evaluationAnswer.findMany({
    where: { response: { workshopId } },
    select: { responseId: true, questionId: true, rating: true, choices: true, text: true, response: { select: { sessionId: true } } },
  });
  const sessions = await db.session.findMany({
    where: { workshopId, OR: [{ evaluationInvitations: { some: {} } }, { evaluationResponses: { some: {} } }] },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      _count: { select: { evaluationInvitations: true, evaluationResponses: true } },
    },
  });
  const responses = sessions.reduce((sum, session) => sum + session._count.evaluationResponses, 0);
  const counted = sessionsInTotals(new Map(sessions.map((session) => [session.id, session._count.evaluationResponses])), settings.minimumAnswers);
  const countedResponses = sessions.filter((session) => counted.has(session.id)).reduce((sum, session) => sum + session._count.evaluationResponses, 0);
  return {
    workshop: { id: workshop.id, title: workshop.title },
    minimumAnswers: settings.minimumAnswers,
    invited: sessions.reduce((sum, session) => sum + session._count.evaluationInvitations, 0),
    responses,
    summaries: mayShowBreakdown(countedResponses, settings.minimumAnswers)
      ? summariseAnswers(
          questions,
          answers.filter((answer) => counted.has(answer.response.sessionId)),
        )
      : null,
    withheldResponses: responses - countedResponses,
    sessions: sessions.map(({ _count, ...session }) => ({
      ...session,
      invited: _count.evaluationInvitations,
      responses: _count.evaluationResponses,
      summaries: mayShowBreakdown(_count.evaluationResponses, settings.minimumAnswers)
        ? summariseAnswers(
            questions,
            answers.filter((answer) => answer.response.sessionId === session.id),
          )
        : null,
    })),
  };
}

/** The questions asked now, then any earlier question that has answers of this workshop. */
export async function resultQuestions(workshop: { id: string; programmeId: string; evaluationOwnQuestions: boolean }): Promise<SummaryQuestion[]> {
  const current = await questionnaire(db, workshop);
  const earlier = await db.evaluationQuestion.findMany({
    where: { id: { notIn: current.map((question) => question.id) }, answers: { some: { response: { workshopId: workshop.id } } } },
    orderBy: [{ workshopId: "asc" }, { position: "asc" }],
    select: evaluationQuestionSelect,
  });
  return [...current, ...earlier.map(questionView)];
}
