"use client";
import { questionTypes } from "@/lib/workshops/schema";
import { CheckboxField, ChoiceGroup } from "./form-fields";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField, TextAreaField } from "./organiser-fields";

const fields = ["type", "labelDe", "labelEn", "required", "options"];

/** Adds a question to the registration form (with `workshopId`) or edits one (with `questionId`). */
export function QuestionForm({
  action,
  target,
  initialValues,
}: {
  action: OrganiserFormAction;
  target: { workshopId: string } | { questionId: string; workshopId: string };
  initialValues?: Record<string, string>;
}) {
  const { state, formAction, pending, error, value, focusRef, t } = useOrganiserForm(action, initialValues);
  const editing = "questionId" in target;
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form" id="frage-form">
      <FormFeedback state={state} fieldOrder={fields} focusRef={focusRef} />
      <input type="hidden" name="workshopId" value={target.workshopId} />
      {editing ? <input type="hidden" name="questionId" value={target.questionId} /> : null}
      <ChoiceGroup
        name="type"
        legend={t("questions.form.type")}
        required
        options={questionTypes.map((type) => ({ value: type, label: t(`questions.types.${type}`) }))}
        defaultValue={value("type") || "TEXT"}
        error={error("type")}
      />
      <InputField name="labelDe" label={t("questions.form.labelDe")} required maxLength={300} defaultValue={value("labelDe")} error={error("labelDe")} />
      <InputField name="labelEn" label={t("questions.form.labelEn")} required maxLength={300} defaultValue={value("labelEn")} error={error("labelEn")} />
      <CheckboxField name="required" label={t("questions.form.required")} defaultChecked={value("required") === "on"} error={error("required")} />
      <TextAreaField
        name="options"
        label={t("questions.form.options")}
        hint={t("questions.form.optionsHint")}
        rows={5}
        defaultValue={value("options")}
        error={error("options")}
      />
      <button type="submit" className="button" disabled={pending}>
        {editing ? t("questions.form.save") : t("questions.form.add")}
      </button>
    </form>
  );
}
