// The registration form's rules, shared by the form (inline validation) and
// the server (the only place that decides). No server imports here.
// Error messages are catalogue keys (namespace "registration.errors").
import { z } from "zod";
import { fieldErrorsFrom } from "../input/field-errors";
import { optionalText, requiredText } from "../input/text";
import { uuidField } from "../input/uuid";

export const LIMITS = {
  name: 100,
  email: 254,
  organisation: 200,
  accessibilityNeeds: 1000,
  text: 300,
  longText: 2000,
} as const;

export const participantRoles = ["ADMINISTRATION", "ELECTED_OFFICIAL", "CIVIL_SOCIETY", "OTHER"] as const;
export type ParticipantRole = (typeof participantRoles)[number];

export type FormQuestion = {
  id: string;
  type: "TEXT" | "LONG_TEXT" | "SINGLE_CHOICE" | "MULTIPLE_CHOICE" | "CHECKBOX";
  required: boolean;
  options: { value: string }[];
};

export const emailField = z
  .string({ error: "required" })
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, { error: "required" })
      .max(LIMITS.email, { error: "tooLong" })
      .pipe(z.email({ error: "email" })),
  );

function answerSchema(question: FormQuestion) {
  const values = question.options.map((option) => option.value);
  switch (question.type) {
    case "TEXT":
    case "LONG_TEXT": {
      const max = question.type === "TEXT" ? LIMITS.text : LIMITS.longText;
      return question.required ? requiredText(max) : optionalText(max);
    }
    case "SINGLE_CHOICE": {
      const choice = z.string().refine((value) => values.includes(value), { error: "invalidChoice" });
      return question.required
        ? z.string({ error: "choiceRequired" }).min(1, { error: "choiceRequired" }).pipe(choice)
        : z.union([z.literal("").transform(() => undefined), choice]).optional();
    }
    case "MULTIPLE_CHOICE": {
      const list = (minimum: number) =>
        z
          .array(z.string())
          .min(minimum, { error: "choiceRequired" })
          .max(values.length, { error: "invalidChoice" })
          .refine((chosen) => chosen.every((value) => values.includes(value)), { error: "invalidChoice" })
          .transform((chosen) => [...new Set(chosen)]);
      return question.required
        ? list(1)
        : list(0)
            .optional()
            .transform((chosen) => chosen ?? []);
    }
    case "CHECKBOX": {
      const checked = z
        .boolean()
        .optional()
        .transform((value) => value === true);
      return question.required ? checked.refine((value) => value, { error: "required" }) : checked;
    }
  }
}

/** A choice, not a text: its error says "please choose", not "please fill in". */
export const roleField = z.enum(participantRoles, { error: "choiceRequired" });

/** The answers to a workshop's questions, each by its own rule. */
export function answersSchema(questions: FormQuestion[]) {
  return z
    .object(Object.fromEntries(questions.map((question) => [question.id, answerSchema(question)])), { error: "invalid" })
    .strip()
    .default({});
}

/** The whole form for a workshop's questions. */
function buildRegistrationSchema(questions: FormQuestion[]) {
  return z.object({
    sessionId: uuidField("unknownSession"),
    firstName: requiredText(LIMITS.name),
    lastName: requiredText(LIMITS.name),
    email: emailField,
    organisation: requiredText(LIMITS.organisation),
    role: roleField,
    accessibilityNeeds: optionalText(LIMITS.accessibilityNeeds),
    answers: answersSchema(questions),
    consent: z.literal(true, { error: "consentRequired" }),
    /** The privacy-notice version the form showed. */
    privacyNoticeVersion: z.coerce.number({ error: "staleForm" }).int({ error: "staleForm" }).positive({ error: "staleForm" }),
    /** Honeypot: invisible to people, filled by bots. */
    website: z.string().max(0, { error: "spam" }).optional(),
    locale: z.enum(["de", "en"], { error: "invalid" }).default("de"),
  });
}

const schemas = new WeakMap<FormQuestion[], ReturnType<typeof buildRegistrationSchema>>();

/**
 * The schema for a session's form, built once per list of questions: zod
 * compiles a schema on its first use, which would otherwise cost more than
 * the validation itself on every submission of a rush.
 */
export function registrationSchema(questions: FormQuestion[]) {
  let schema = schemas.get(questions);
  if (!schema) {
    schema = buildRegistrationSchema(questions);
    schemas.set(questions, schema);
  }
  return schema;
}

export type RegistrationInput = z.output<ReturnType<typeof registrationSchema>>;
export type RegistrationFormValues = z.input<ReturnType<typeof registrationSchema>>;

/** Every error key the schemas use; each has a German and an English message. */
export const errorKeys = [
  "required",
  "choiceRequired",
  "invalidCharacters",
  "email",
  "tooLong",
  "invalidChoice",
  "consentRequired",
  "staleForm",
  "unknownSession",
  "spam",
  "invalid",
] as const;

/** The first registration error key per field path ("answers.<id>" for questions). */
export function fieldErrors(error: z.ZodError): Record<string, (typeof errorKeys)[number]> {
  return fieldErrorsFrom(error, errorKeys);
}

/** Reads the posted form (works the same with and without JavaScript). */
export function registrationFormValues(form: FormData, questions: FormQuestion[]): Record<string, unknown> {
  const single = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const answers: Record<string, unknown> = {};
  for (const question of questions) {
    const name = `answers.${question.id}`;
    if (question.type === "MULTIPLE_CHOICE") answers[question.id] = form.getAll(name).filter((value) => typeof value === "string");
    else if (question.type === "CHECKBOX") answers[question.id] = form.get(name) === "on";
    else answers[question.id] = single(name);
  }
  return {
    sessionId: single("sessionId"),
    firstName: single("firstName"),
    lastName: single("lastName"),
    email: single("email"),
    organisation: single("organisation"),
    role: single("role"),
    accessibilityNeeds: single("accessibilityNeeds"),
    answers,
    consent: form.get("consent") === "on",
    privacyNoticeVersion: single("privacyNoticeVersion"),
    website: single("website"),
    locale: single("locale"),
  };
}

/** What a participant can correct on the manage page: the registration form's own rules for these fields. */
export const correctableFields = { firstName: true, lastName: true, organisation: true, role: true, accessibilityNeeds: true, answers: true } as const;

export function detailsSchema(questions: FormQuestion[]) {
  return registrationSchema(questions).pick(correctableFields);
}

export type DetailsInput = z.output<ReturnType<typeof detailsSchema>>;

/** Reads the posted correction form: the registration form's reader, limited to the fields one can correct. */
export function detailsFormValues(form: FormData, questions: FormQuestion[]): Record<string, unknown> {
  const all = registrationFormValues(form, questions);
  return Object.fromEntries(Object.keys(correctableFields).map((field) => [field, all[field]]));
}

/** A change of address: the new address, checked as the registration form checks one. */
export const emailChangeSchema = z.object({ newEmail: emailField });
