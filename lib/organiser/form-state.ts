// What organiser server actions hand back to their forms. No server imports.

export type OrganiserFormState = {
  /** Increases with every answer, so the form re-mounts with the returned values. */
  submission: number;
  /** The submitted values, to fill the form again. */
  values: Record<string, string>;
  /** Field name → error key (catalogue "organiser.errors"). */
  fieldErrors: Record<string, string>;
  /** Outcome key (catalogue "organiser.outcome") and its placeholders. */
  outcome?: string;
  outcomeValues?: Record<string, string | number>;
  /** Set when the change informs people and must be confirmed first. */
  confirm?: { recipients: number };
  /** A message preview before sending. */
  preview?: { recipients: number; subject: string; text: string };
};

export const initialFormState: OrganiserFormState = { submission: 0, values: {}, fieldErrors: {} };

/** The plain string fields of a posted form (React's own $ACTION fields left out). */
export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !name.startsWith("$ACTION")) values[name] = value;
  }
  return values;
}

export type Invalid = { ok: false; code: "invalid"; fieldErrors: Record<string, string> };
