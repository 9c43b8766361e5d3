// The person's own fields and the workshop's questions, as the registration
// form and the manage page's correction form show them: the same labels,
// limits, autocomplete hints and error messages in both. The address is the
// registration form's own (on the manage page it changes through a confirmation).
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { LIMITS, participantRoles } from "@/lib/registrations/schema";
import { SelectField, TextField } from "./form-fields";
import { QuestionFields, questionLabel, type AnswerValues, type FormQuestionView } from "./question-fields";

export type PersonalValues = {
  firstName?: string;
  lastName?: string;
  organisation?: string;
  role?: string;
  accessibilityNeeds?: string;
  answers?: AnswerValues;
};

type Message = (key: string | undefined) => string | undefined;

/** The words both forms need around these fields: an error key's message and each field's label (for the error summary). */
export function usePersonalFieldWords(questions: FormQuestionView[]): { message: Message; labels: Record<string, string> } {
  const t = useTranslations("registration");
  const optionalMark = t("fields.optionalMark");
  return {
    message: (key) => (key ? t(`errors.${key}` as "errors.required") : undefined),
    labels: {
      firstName: t("fields.firstName"),
      lastName: t("fields.lastName"),
      organisation: t("fields.organisation"),
      role: t("fields.role"),
      accessibilityNeeds: t("fields.accessibilityNeeds"),
      ...Object.fromEntries(questions.map((question) => [`answers.${question.id}`, questionLabel(question, optionalMark)])),
    },
  };
}

/** The error summary's entries: each message behind its field's label; an error of the whole form links to the first field. */
export function errorSummaryEntries(errors: Record<string, string>, labels: Record<string, string>, message: Message): { name: string; message: string }[] {
  return Object.entries(errors).map(([name, key]) => ({
    name: name === "form" ? "firstName" : name,
    message: labels[name] ? `${labels[name]}: ${message(key) ?? key}` : (message(key) ?? key),
  }));
}

type Props = {
  values: PersonalValues;
  /** Error keys by field name, as the schema reports them. */
  errors: Record<string, string | undefined>;
  message: Message;
  questions: FormQuestionView[];
  /** Stands between the names and the organisation (the registration form's address). */
  addressField?: ReactNode;
};

export function PersonalFields({ values, errors, message, questions, addressField }: Props) {
  const t = useTranslations("registration");
  const requiredText = (name: "firstName" | "lastName" | "organisation", autoComplete: string, maxLength: number) => (
    <TextField
      name={name}
      label={t(`fields.${name}`)}
      required
      autoComplete={autoComplete}
      maxLength={maxLength}
      defaultValue={values[name]}
      error={message(errors[name])}
    />
  );
  return (
    <>
      <div className="field-row">
        {requiredText("firstName", "given-name", LIMITS.name)}
        {requiredText("lastName", "family-name", LIMITS.name)}
      </div>
      {addressField}
      {requiredText("organisation", "organization", LIMITS.organisation)}
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
            optionalMark={t("fields.optionalMark")}
          />
        </fieldset>
      ) : null}
    </>
  );
}
