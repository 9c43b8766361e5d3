// What the page's small form-check script (public/form-checks.js) needs to
// check the registration form and the manage page's corrections before they
// are sent: each field's kind, whether it is required, its limit, its label
// for the error summary, and the messages by error key. Built from the same
// questions, limits and patterns as the schema (./schema.ts), which stays the
// only judge: the server checks everything again. Pure; no server imports.
import { z } from "zod";
import { unstorableText } from "../input/text";
import { LIMITS, type FormQuestion } from "./schema";

export type FieldCheck = {
  name: string;
  label: string;
  kind: "text" | "email" | "choice" | "check";
  required?: true;
  max?: number;
  /** The error key when a required field is left empty, if not the kind's own ("required", "choiceRequired"). */
  missing?: string;
};

/** Serialised into the form's `data-checks` attribute. */
export type FormChecks = {
  /** The error summary's heading. */
  title: string;
  /** Messages by error key (the keys the schema reports). */
  messages: Record<string, string>;
  /** The address pattern of z.email(), applied as the schema does (trimmed, lower case). */
  email: string;
  /** Characters a text must not hold (lib/input/text.ts). */
  unstorable: string;
  fields: FieldCheck[];
};

/** The keys the checks can report; each needs a message. */
export const formCheckKeys = ["required", "choiceRequired", "email", "tooLong", "consentRequired", "invalidCharacters"] as const;

function questionCheck(question: FormQuestion, label: string): FieldCheck {
  const name = `answers.${question.id}`;
  const required = question.required ? ({ required: true } as const) : {};
  switch (question.type) {
    case "TEXT":
      return { name, label, kind: "text", ...required, max: LIMITS.text };
    case "LONG_TEXT":
      return { name, label, kind: "text", ...required, max: LIMITS.longText };
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE":
      return { name, label, kind: "choice", ...required };
    case "CHECKBOX":
      return { name, label, kind: "check", ...required };
  }
}

/**
 * The checks of the person's fields and the workshop's questions, in the
 * form's order; with `address`, also the e-mail address and the consent
 * (the registration form; the corrections have neither).
 */
export function personalFieldChecks(options: {
  questions: FormQuestion[];
  /** Labels by field name, as the error summary names the fields ("answers.<id>" for questions). */
  labels: Record<string, string>;
  address: boolean;
}): FieldCheck[] {
  const { questions, labels, address } = options;
  const label = (name: string) => labels[name] ?? name;
  return [
    { name: "firstName", label: label("firstName"), kind: "text", required: true, max: LIMITS.name },
    { name: "lastName", label: label("lastName"), kind: "text", required: true, max: LIMITS.name },
    ...(address ? [{ name: "email", label: label("email"), kind: "email", required: true, max: LIMITS.email } as const] : []),
    { name: "organisation", label: label("organisation"), kind: "text", required: true, max: LIMITS.organisation },
    { name: "role", label: label("role"), kind: "choice", required: true },
    { name: "accessibilityNeeds", label: label("accessibilityNeeds"), kind: "text", max: LIMITS.accessibilityNeeds },
    ...questions.map((question) => questionCheck(question, label(`answers.${question.id}`))),
    ...(address ? [{ name: "consent", label: label("consent"), kind: "check", required: true, missing: "consentRequired" } as const] : []),
  ];
}

export function formChecks(options: { title: string; message: (key: string) => string; fields: FieldCheck[] }): FormChecks {
  return {
    title: options.title,
    messages: Object.fromEntries(formCheckKeys.map((key) => [key, options.message(key)])),
    email: z.regexes.email.source,
    unstorable: unstorableText.source,
    fields: options.fields,
  };
}
