// What the registration server action hands back to the form. No server imports.

export type RegistrationFormState = {
  /** Increases with every answer, so the form re-mounts with the returned values. */
  submission: number;
  /** The submitted values, to fill the form again (never the honeypot). */
  values: Record<string, unknown>;
  /** Field path → error key (catalogue "registration.errors"). */
  fieldErrors: Record<string, string>;
  /** An outcome code (catalogue "registration.outcome"). */
  outcome?: string;
};
