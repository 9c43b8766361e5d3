"use client";
// The correction form on the manage page: the registration form's fields
// (without the address, which changes through a confirmation) and its rules,
// checked on the server. It posts and comes back with the errors and the
// entered values; the page's form-check script (public/form-checks.js) checks
// the fields before, like the registration form's.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { formChecks, personalFieldChecks } from "@/lib/registrations/form-checks";
import type { RegistrationFormState } from "@/lib/registrations/form-state";
import { ErrorSummary } from "./form-fields";
import { errorSummaryEntries, PersonalFields, usePersonalFieldWords } from "./personal-fields";
import type { AnswerValues, FormQuestionView } from "./question-fields";

type Props = {
  action: (state: RegistrationFormState, form: FormData) => Promise<RegistrationFormState>;
  token: string;
  current: { firstName: string; lastName: string; organisation: string; role: string; accessibilityNeeds: string; answers: AnswerValues };
  questions: FormQuestionView[];
  /** The manage page's own words (only the registration catalogue reaches client components). */
  labels: { errorSummary: string; save: string };
};

const initialState: RegistrationFormState = { submission: 0, values: {}, fieldErrors: {} };

export function ManageDetailsForm({ action, token, current, questions, labels }: Props) {
  const t = useTranslations("registration");
  const [state, formAction, pending] = useActionState(action, initialState);
  const values = (state.submission > 0 ? state.values : current) as Props["current"];
  const errors = state.fieldErrors;
  const { message, labels: fieldLabels } = usePersonalFieldWords(questions);
  const summary = errorSummaryEntries(errors, fieldLabels, message);
  const checks = formChecks({
    title: labels.errorSummary,
    message: (key) => message(key) ?? key,
    fields: personalFieldChecks({ questions, labels: fieldLabels, address: false }),
  });

  return (
    <form action={formAction} key={state.submission} noValidate className="stack" data-checks={JSON.stringify(checks)}>
      <ErrorSummary title={labels.errorSummary} errors={summary} />
      <p className="meta">{t("requiredHint")}</p>
      <input type="hidden" name="token" value={token} />
      <PersonalFields values={values} errors={errors} message={message} questions={questions} />
      <button type="submit" className="button button--quiet" disabled={pending} aria-disabled={pending}>
        {labels.save}
      </button>
    </form>
  );
}
