"use client";
import { questionTypes } from "@/lib/workshops/schema";
import { CheckboxField, ChoiceGroup } from "./form-fields";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField, TextAreaField } from "./organiser-fields";

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
  const form = useOrganiserForm(action, { type: "TEXT", ...initialValues });
  const { state, formAction, pending, field, choice, checkbox, t } = form;
  const editing = "questionId" in target;
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form" id="frage-form">
      <FormFeedback form={form} />
      <input type="hidden" name="workshopId" value={target.workshopId} />
      {editing ? <input type="hidden" name="questionId" value={target.questionId} /> : null}
      <ChoiceGroup
        {...choice("type", t("questions.form.type"))}
        required
        options={questionTypes.map((type) => ({ value: type, label: t(`questions.types.${type}`) }))}
      />
      <InputField {...field("labelDe", t("questions.form.labelDe"))} required maxLength={300} />
      <InputField {...field("labelEn", t("questions.form.labelEn"))} required maxLength={300} />
      <CheckboxField {...checkbox("required", t("questions.form.required"))} />
      <TextAreaField {...field("options", t("questions.form.options"))} hint={t("questions.form.optionsHint")} rows={5} />
      <button type="submit" className="button" disabled={pending}>
        {editing ? t("questions.form.save") : t("questions.form.add")}
      </button>
    </form>
  );
}
