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
  /** A message preview before sending: the email's text as the first recipient gets it, and the greeting or closing the body repeats. */
  preview?: { recipients: number; subject: string; text: string; ownCourtesies: ("greeting" | "closing")[] };
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

/** Field paths such as "guidingQuestions.3" or "options.0.labelDe" belong to their form field. */
function byField(errors: Record<string, string>): Record<string, string> {
  const collapsed: Record<string, string> = {};
  for (const [path, key] of Object.entries(errors)) collapsed[path.split(".")[0] ?? path] ??= key;
  return collapsed;
}

/**
 * The form's answer to a refused command: field errors for "invalid", else
 * the outcome code with its numbers and words as placeholders.
 */
export function refusedState(
  previous: OrganiserFormState,
  values: Record<string, string>,
  outcome: { ok: false; code: string; fieldErrors?: Record<string, string> } & Record<string, unknown>,
): OrganiserFormState {
  const { ok: _ok, code, fieldErrors, ...rest } = outcome;
  const next = { submission: previous.submission + 1, values, fieldErrors: {} };
  if (code === "invalid") return { ...next, fieldErrors: byField(fieldErrors ?? {}) };
  const outcomeValues = Object.fromEntries(
    Object.entries(rest).filter((entry): entry is [string, string | number] => typeof entry[1] === "number" || typeof entry[1] === "string"),
  );
  return { ...next, outcome: code, outcomeValues };
}
