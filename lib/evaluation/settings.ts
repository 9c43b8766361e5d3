// A workshop's evaluation settings as they apply: its own numbers, else the
// programme's defaults (docs/decisions/0028). Pure.
import type { EvaluationRecipients } from "./schema";

export type ProgrammeEvaluationDefaults = { evaluationDelayHours: number; evaluationReminderDays: number; evaluationMinimumAnswers: number };

export type WorkshopEvaluationSettings = {
  evaluationEnabled: boolean;
  evaluationOwnQuestions: boolean;
  evaluationRecipients: EvaluationRecipients;
  evaluationDelayHours: number | null;
  evaluationReminderDays: number | null;
  evaluationMinimumAnswers: number | null;
};

/** What effectiveEvaluationSettings reads, as a select on a workshop (with its programme's defaults). */
export const workshopEvaluationSettingsSelect = {
  evaluationEnabled: true,
  evaluationOwnQuestions: true,
  evaluationRecipients: true,
  evaluationDelayHours: true,
  evaluationReminderDays: true,
  evaluationMinimumAnswers: true,
  programme: { select: { evaluationDelayHours: true, evaluationReminderDays: true, evaluationMinimumAnswers: true } },
} as const;

export type EffectiveEvaluationSettings = {
  enabled: boolean;
  ownQuestions: boolean;
  recipients: EvaluationRecipients;
  delayHours: number;
  /** 0: no reminder. */
  reminderDays: number;
  minimumAnswers: number;
};

export function effectiveEvaluationSettings(workshop: WorkshopEvaluationSettings, programme: ProgrammeEvaluationDefaults): EffectiveEvaluationSettings {
  return {
    enabled: workshop.evaluationEnabled,
    ownQuestions: workshop.evaluationOwnQuestions,
    recipients: workshop.evaluationRecipients,
    delayHours: workshop.evaluationDelayHours ?? programme.evaluationDelayHours,
    reminderDays: workshop.evaluationReminderDays ?? programme.evaluationReminderDays,
    minimumAnswers: workshop.evaluationMinimumAnswers ?? programme.evaluationMinimumAnswers,
  };
}

/**
 * Whether a group of answers (a session's, or all of a workshop's) may be
 * shown beyond its count: below the minimum, a distribution or a free text
 * could point to the few people who answered.
 */
export function mayShowBreakdown(answers: number, minimumAnswers: number): boolean {
  return answers >= minimumAnswers;
}

/**
 * The sessions whose answers may go into a workshop's totals and export. A
 * session below the minimum shows only its count; were its answers in the
 * total, "total minus the sessions shown" would give them away. So the small
 * sessions' answers count only when together they reach the minimum
 * themselves (then the difference is a group of that size, not one session).
 */
export function sessionsInTotals(responsesPerSession: ReadonlyMap<string, number>, minimumAnswers: number): Set<string> {
  const shown = [...responsesPerSession].filter(([, count]) => mayShowBreakdown(count, minimumAnswers));
  const small = [...responsesPerSession].filter(([, count]) => !mayShowBreakdown(count, minimumAnswers));
  const pooled = small.reduce((sum, [, count]) => sum + count, 0);
  return new Set([...shown, ...(mayShowBreakdown(pooled, minimumAnswers) ? small : [])].map(([sessionId]) => sessionId));
}
