// The evaluation's forms: the organisers' questions and settings, and the
// participants' answers. Shared by forms and server; no server imports.
// Organiser errors are "organiser.errors" keys, answer errors "evaluation.errors" keys.
import { z } from "zod";
import { optionalText, requiredText, storableString } from "../input/text";
import { checkbox } from "../organiser/zod-fields";
import { optionValues, parseOptions, type QuestionOption } from "../workshops/schema";

export const evaluationQuestionTypes = ["RATING", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "TEXT"] as const;
export type EvaluationQuestionType = (typeof evaluationQuestionTypes)[number];

export const evaluationRecipients = ["ATTENDED_OR_CONFIRMED", "ATTENDED"] as const;
export type EvaluationRecipients = (typeof evaluationRecipients)[number];

/** The points of the rating scale; only the ends carry words. */
export const RATING_POINTS = [1, 2, 3, 4, 5] as const;

export const EVALUATION_LIMITS = { label: 300, scaleLabel: 60, option: 200, options: 20, text: 4000 } as const;

export { optionValues, type QuestionOption };

export const evaluationQuestionSchema = z
  .object({
    type: z.enum(evaluationQuestionTypes, { error: "required" }),
    labelDe: requiredText(EVALUATION_LIMITS.label),
    labelEn: requiredText(EVALUATION_LIMITS.label),
    required: checkbox,
    scaleLowDe: optionalText(EVALUATION_LIMITS.scaleLabel),
    scaleLowEn: optionalText(EVALUATION_LIMITS.scaleLabel),
    scaleHighDe: optionalText(EVALUATION_LIMITS.scaleLabel),
    scaleHighEn: optionalText(EVALUATION_LIMITS.scaleLabel),
    options: z
      .string()
      .optional()
      .transform((value) => value ?? "")
      .pipe(storableString)
      .transform(parseOptions)
      .pipe(
        z
          .array(
            z.object({
              labelDe: z.string().min(1).max(EVALUATION_LIMITS.option, { error: "lineTooLong" }),
              labelEn: z.string().min(1).max(EVALUATION_LIMITS.option, { error: "lineTooLong" }),
            }),
          )
          .max(EVALUATION_LIMITS.options, { error: "tooManyLines" }),
      ),
  })
  .superRefine((question, context) => {
    const choice = question.type === "SINGLE_CHOICE" || question.type === "MULTIPLE_CHOICE";
    if (choice && question.options.length < 2) context.addIssue({ code: "custom", path: ["options"], message: "optionsNeeded" });
    if (!choice && question.options.length > 0) context.addIssue({ code: "custom", path: ["options"], message: "optionsNotUsed" });
    if (question.type === "RATING") {
      for (const field of ["scaleLowDe", "scaleLowEn", "scaleHighDe", "scaleHighEn"] as const) {
        if (!question[field]) context.addIssue({ code: "custom", path: [field], message: "required" });
      }
    }
  });
export type EvaluationQuestionInput = z.output<typeof evaluationQuestionSchema>;

/** The bounds of the numbers a workshop may set and the programme's defaults take: one rule for both forms. */
export const EVALUATION_NUMBER_BOUNDS = {
  delayHours: { min: 0, max: 720 },
  reminderDays: { min: 0, max: 60 },
  minimumAnswers: { min: 1, max: 100 },
} as const;
type EvaluationNumber = keyof typeof EVALUATION_NUMBER_BOUNDS;

const wholeNumber = (name: EvaluationNumber) =>
  z
    .string()
    .regex(/^\d+$/, { error: "wholeNumber" })
    .transform(Number)
    .pipe(z.number().int().min(EVALUATION_NUMBER_BOUNDS[name].min, { error: "tooSmall" }).max(EVALUATION_NUMBER_BOUNDS[name].max, { error: "tooLarge" }));

const trimmed = z
  .string()
  .optional()
  .transform((value) => value?.trim() ?? "");

/** An optional whole number: empty means "the programme's default". */
const optionalWholeNumber = (name: EvaluationNumber) => trimmed.transform((value) => value || null).pipe(wholeNumber(name).nullable());

/** A whole number that must be given. */
const requiredWholeNumber = (name: EvaluationNumber) => trimmed.pipe(z.string().min(1, { error: "required" })).pipe(wholeNumber(name));

export const evaluationSettingsSchema = z.object({
  enabled: checkbox,
  recipients: z.enum(evaluationRecipients, { error: "required" }),
  delayHours: optionalWholeNumber("delayHours"),
  reminderDays: optionalWholeNumber("reminderDays"),
  minimumAnswers: optionalWholeNumber("minimumAnswers"),
});
export type EvaluationSettingsInput = z.output<typeof evaluationSettingsSchema>;

/** The programme's defaults, which every workshop without its own numbers follows. */
export const evaluationDefaultsSchema = z.object({
  delayHours: requiredWholeNumber("delayHours"),
  reminderDays: requiredWholeNumber("reminderDays"),
  minimumAnswers: requiredWholeNumber("minimumAnswers"),
});
export type EvaluationDefaultsInput = z.output<typeof evaluationDefaultsSchema>;

/** A question as the answer form needs it (labels in the reader's language). */
export type AnswerQuestion = { id: string; type: EvaluationQuestionType; required: boolean; optionValues: string[] };

export type EvaluationAnswerValue = { rating?: number; choices?: string[]; text?: string };

/**
 * The posted form → answers by question id, or field errors keyed
 * `q-<questionId>`. Unknown option values and ratings outside 1–5 are refused
 * (a tampered form), an empty optional question is left out.
 */
export function parseEvaluationAnswers(
  questions: AnswerQuestion[],
  form: { get(name: string): unknown; getAll(name: string): unknown[] },
): { ok: true; answers: Map<string, EvaluationAnswerValue> } | { ok: false; fieldErrors: Record<string, string> } {
  const answers = new Map<string, EvaluationAnswerValue>();
  const fieldErrors: Record<string, string> = {};
  for (const question of questions) {
    const name = answerFieldName(question.id);
    const strings = form.getAll(name).filter((value): value is string => typeof value === "string");
    if (question.type === "TEXT") {
      const parsed = optionalText(EVALUATION_LIMITS.text).safeParse(strings[0] ?? "");
      if (!parsed.success) fieldErrors[name] = parsed.error.issues[0]?.message === "tooLong" ? "tooLong" : "invalidCharacters";
      else if (parsed.data) answers.set(question.id, { text: parsed.data });
      else if (question.required) fieldErrors[name] = "required";
      continue;
    }
    const chosen = [...new Set(strings.map((value) => value.trim()).filter(Boolean))];
    if (chosen.length === 0) {
      if (question.required) fieldErrors[name] = "required";
      continue;
    }
    if (question.type === "RATING") {
      const rating = Number(chosen[0]);
      if (chosen.length !== 1 || !RATING_POINTS.includes(rating as 1)) fieldErrors[name] = "invalid";
      else answers.set(question.id, { rating });
      continue;
    }
    const known = chosen.every((value) => question.optionValues.includes(value));
    if (!known || (question.type === "SINGLE_CHOICE" && chosen.length > 1)) fieldErrors[name] = "invalid";
    else answers.set(question.id, { choices: chosen });
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, answers };
}

export function answerFieldName(questionId: string): string {
  return `q-${questionId}`;
}
