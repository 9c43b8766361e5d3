// What the evaluation form's server action hands back. No server imports.

export type EvaluationFormState = {
  submission: number;
  /** The submitted values per field, to fill the form again. */
  values: Record<string, string[]>;
  /** Field name → error key (catalogue "evaluation.errors"). */
  fieldErrors: Record<string, string>;
  /** Outcome key (catalogue "evaluation.outcome"). */
  outcome?: "already-answered" | "not-found" | "rate-limited";
};

export const initialEvaluationFormState: EvaluationFormState = { submission: 0, values: {}, fieldErrors: {} };
