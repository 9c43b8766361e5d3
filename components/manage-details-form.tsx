"use client";
// The correction form on the manage page: the registration form's fields
// (without the address, which changes through a confirmation) and its rules,
// checked on the server. Without JavaScript it posts and comes back with the
// errors and the entered values, like the registration form.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { RegistrationFormState } from "@/lib/registrations/form-state";
import { LIMITS, participantRoles } from "@/lib/registrations/schema";
import { ErrorSummary, SelectField, TextField } from "./form-fields";
import { QuestionFields, questionLabel, type AnswerValues, type FormQuestionView } from "./question-fields";

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
  const message = (key: string | undefined) => (key ? t(`errors.${key}` as "errors.required") : undefined);
  const optionalMark = t("fields.optionalMark");
  const fieldLabels: Record<string, string> = {
    firstName: t("fields.firstName"),
    lastName: t("fields.lastName"),
    organisation: t("fields.organisation"),
    role: t("fields.role"),
    accessibilityNeeds: t("fields.accessibilityNeeds"),
    ...Object.fromEntries(questions.map((question) => [`answers.${question.id}`, questionLabel(question, optionalMark)])),
  };
  const summary = Object.entries(errors).map(([name, key]) => ({
    name: name === "form" ? "firstName" : name,
    message: fieldLabels[name] ? `${fieldLabels[name]}: ${message(key) ?? key}` : (message(key) ?? key),
  }));

  return (
    <form action={formAction} key={state.submission} noValidate className="stack">
      <ErrorSummary title={labels.errorSummary} errors={summary} />
      <p className="meta">{t("requiredHint")}</p>
      <input type="hidden" name="token" value={token} />
      <div className="field-row">
        <TextField
          name="firstName"
          label={t("fields.firstName")}
          required
          maxLength={LIMITS.name}
          defaultValue={values.firstName}
          autoComplete="given-name"
          error={message(errors.firstName)}
        />
        <TextField
          name="lastName"
          label={t("fields.lastName")}
          required
          maxLength={LIMITS.name}
          defaultValue={values.lastName}
          autoComplete="family-name"
          error={message(errors.lastName)}
        />
      </div>
      <TextField
        name="organisation"
        label={t("fields.organisation")}
        required
        maxLength={LIMITS.organisation}
        defaultValue={values.organisation}
        autoComplete="organization"
        error={message(errors.organisation)}
      />
      <SelectField
        name="role"
        label={t("fields.role")}
        placeholder={t("fields.roleChoose")}
        required
        options={participantRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        defaultValue={values.role}
        error={message(errors.role)}
      />
      <TextField
        name="accessibilityNeeds"
        label={t("fields.accessibilityNeeds")}
        hint={t("fields.accessibilityNeedsHint")}
        multiline
        maxLength={LIMITS.accessibilityNeeds}
        defaultValue={values.accessibilityNeeds}
        error={message(errors.accessibilityNeeds)}
      />
      {questions.length > 0 ? (
        <fieldset className="question-group">
          <legend>{t("fields.questionsLegend")}</legend>
          <QuestionFields
            questions={questions}
            answers={values.answers}
            errors={Object.fromEntries(questions.map((question) => [`answers.${question.id}`, message(errors[`answers.${question.id}`])]))}
            optionalMark={optionalMark}
          />
        </fieldset>
      ) : null}
      <button type="submit" className="button button--quiet" disabled={pending} aria-disabled={pending}>
        {labels.save}
      </button>
    </form>
  );
}
