// The organiser forms for workshops, their questions and materials. Shared by
// forms and server; no server imports. Errors are "organiser.errors" keys.
import { z } from "zod";
import { lines, nullableText, requiredText, storableString } from "../input/text";

/** An English version that may be left empty: null means "not translated" (docs/decisions/0032). */
const optionalEnglish = nullableText;
import { checkbox, optionalLocalDateTime, optionalUrlSlug, webUrl } from "../organiser/zod-fields";

export const questionTypes = ["TEXT", "LONG_TEXT", "SINGLE_CHOICE", "MULTIPLE_CHOICE", "CHECKBOX"] as const;
export type QuestionType = (typeof questionTypes)[number];

export const workshopSchema = z.object({
  title: requiredText(200),
  titleEn: optionalEnglish(200),
  // Left empty: suggested from the title (lib/input/slug.ts).
  slug: optionalUrlSlug,
  summary: requiredText(600),
  summaryEn: optionalEnglish(600),
  description: requiredText(10_000),
  descriptionEn: optionalEnglish(10_000),
  guidingQuestions: lines(30, 500),
  guidingQuestionsEn: lines(30, 500),
  // How registrations are accepted (checkboxes: "on" when ticked).
  doubleOptIn: z
    .string()
    .optional()
    .transform((value) => value === "on"),
  requiresApproval: z
    .string()
    .optional()
    .transform((value) => value === "on"),
  holdHours: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? Number(value) : 48))
    .pipe(z.number({ error: "invalid" }).int({ error: "invalid" }).min(1, { error: "invalid" }).max(336, { error: "invalid" })),
});
export type WorkshopInput = z.output<typeof workshopSchema>;

export type QuestionOption = { value: string; labelDe: string; labelEn: string };

/** "Deutsch | English" per line; without "|" both labels are the same (the registration and the evaluation questions' options). */
export function parseOptions(text: string | undefined): { labelDe: string; labelEn: string }[] {
  return (text ?? "")
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [de = "", en = ""] = line.split("|").map((part) => part.trim());
      return { labelDe: de, labelEn: en || de };
    });
}

export const questionSchema = z
  .object({
    type: z.enum(questionTypes, { error: "required" }),
    labelDe: requiredText(300),
    labelEn: requiredText(300),
    required: checkbox,
    options: z
      .string()
      .optional()
      .transform((value) => value ?? "")
      .pipe(storableString)
      .transform(parseOptions)
      .pipe(
        z
          .array(z.object({ labelDe: z.string().min(1).max(200, { error: "lineTooLong" }), labelEn: z.string().min(1).max(200, { error: "lineTooLong" }) }))
          .max(30, { error: "tooManyLines" }),
      ),
  })
  .superRefine((question, context) => {
    const choice = question.type === "SINGLE_CHOICE" || question.type === "MULTIPLE_CHOICE";
    if (choice && question.options.length < 2) context.addIssue({ code: "custom", path: ["options"], message: "optionsNeeded" });
    if (!choice && question.options.length > 0) context.addIssue({ code: "custom", path: ["options"], message: "optionsNotUsed" });
  });
export type QuestionInput = z.output<typeof questionSchema>;

export function optionsText(options: QuestionOption[]): string {
  return options.map((option) => (option.labelEn && option.labelEn !== option.labelDe ? `${option.labelDe} | ${option.labelEn}` : option.labelDe)).join("\n");
}

function slugify(label: string): string {
  return (
    label
      .toLowerCase()
      .normalize("NFKD")
      .replace(/ß/g, "ss")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "option"
  );
}

/**
 * Option values are what answers store: an option whose German label is kept
 * keeps its value, so earlier answers still match after other edits.
 */
export function optionValues(options: { labelDe: string; labelEn: string }[], previous: QuestionOption[] = []): QuestionOption[] {
  const taken = new Set<string>();
  return options.map((option) => {
    const earlier = previous.find((candidate) => candidate.labelDe === option.labelDe && !taken.has(candidate.value));
    let value = earlier?.value ?? slugify(option.labelDe);
    for (let suffix = 2; taken.has(value); suffix += 1) value = `${slugify(option.labelDe)}-${suffix}`;
    taken.add(value);
    return { value, ...option };
  });
}

export const materialLanguages = ["de", "en"] as const;

export const materialSchema = z.object({
  title: requiredText(200),
  titleEn: optionalEnglish(200),
  url: webUrl,
  language: z.enum(materialLanguages, { error: "required" }).default("de"),
  availableFrom: optionalLocalDateTime,
});

/** The fields of an uploaded file's form (the file itself is checked by content). */
export const materialFileSchema = materialSchema.omit({ url: true });
export type MaterialInput = z.output<typeof materialSchema>;

export const publishSchema = z.object({ published: checkbox });
