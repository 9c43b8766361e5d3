"use client";
// Asking for a change of address: the new address gets a link, and only its
// confirmation changes anything. Works without JavaScript (the action answers
// with the error or redirects with the outcome).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { RegistrationFormState } from "@/lib/registrations/form-state";
import { LIMITS } from "@/lib/registrations/schema";
import { TextField } from "./form-fields";

type Props = {
  action: (state: RegistrationFormState, form: FormData) => Promise<RegistrationFormState>;
  token: string;
  /** The manage page's own words (only the registration catalogue reaches client components). */
  labels: { field: string; submit: string; sameEmail: string; rateLimited: string };
};

const initialState: RegistrationFormState = { submission: 0, values: {}, fieldErrors: {} };

export function ManageEmailForm({ action, token, labels }: Props) {
  const t = useTranslations("registration");
  const [state, formAction, pending] = useActionState(action, initialState);
  const errorKey = state.fieldErrors.newEmail;
  const error =
    state.outcome === "same-email"
      ? labels.sameEmail
      : state.outcome === "rate-limited"
        ? labels.rateLimited
        : errorKey
          ? t(`errors.${errorKey}` as "errors.required")
          : undefined;
  return (
    <form action={formAction} key={state.submission} noValidate className="stack">
      <input type="hidden" name="token" value={token} />
      <TextField
        name="newEmail"
        type="email"
        label={labels.field}
        required
        autoComplete="email"
        maxLength={LIMITS.email}
        defaultValue={typeof state.values.newEmail === "string" ? state.values.newEmail : undefined}
        error={error}
      />
      <button type="submit" className="button button--quiet" disabled={pending} aria-disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
