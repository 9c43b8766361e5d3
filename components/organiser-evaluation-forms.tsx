"use client";
import { evaluationQuestionTypes, evaluationRecipients } from "@/lib/evaluation/schema";
import { CheckboxField, ChoiceGroup } from "./form-fields";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField, TextAreaField } from "./organiser-fields";

/** When and to whom a workshop's evaluation goes; empty numbers fall back to the programme's defaults. */
export function EvaluationSettingsForm({
  action,
  workshopId,
  initialValues,
  defaults,
}: {
  action: OrganiserFormAction;
  workshopId: string;
  initialValues: Record<string, string>;
  defaults: { delayHours: number; reminderDays: number; minimumAnswers: number };
}) {
  const form = useOrganiserForm(action, { recipients: "ATTENDED_OR_CONFIRMED", ...initialValues });
  const { state, formAction, pending, field, choice, checkbox, t } = form;
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form" id="bewertung-einstellungen">
      <FormFeedback form={form} />
      <input type="hidden" name="workshopId" value={workshopId} />
      <CheckboxField {...checkbox("enabled", t("evaluation.settings.enabled"))} />
      <ChoiceGroup
        {...choice("recipients", t("evaluation.settings.recipients"))}
        required
        options={evaluationRecipients.map((recipients) => ({ value: recipients, label: t(`evaluation.settings.recipientsOptions.${recipients}`) }))}
      />
      <InputField
        {...field("delayHours", t("evaluation.settings.delayHours"))}
        hint={t("evaluation.settings.delayHoursHint", { hours: defaults.delayHours })}
        inputMode="numeric"
        size="short"
      />
      <InputField
        {...field("reminderDays", t("evaluation.settings.reminderDays"))}
        hint={t("evaluation.settings.reminderDaysHint", { days: defaults.reminderDays })}
        inputMode="numeric"
        size="short"
      />
      <InputField
        {...field("minimumAnswers", t("evaluation.settings.minimumAnswers"))}
        hint={t("evaluation.settings.minimumAnswersHint", { count: defaults.minimumAnswers })}
        inputMode="numeric"
        size="short"
      />
      <button type="submit" className="button" disabled={pending}>
        {t("evaluation.settings.save")}
      </button>
    </form>
  );
}

/** Adds a question to the workshop's own evaluation (with `workshopId`) or edits one (with `questionId`). */
export function EvaluationQuestionForm({
  action,
  target,
  initialValues,
}: {
  action: OrganiserFormAction;
  target: { workshopId: string } | { questionId: string; workshopId: string };
  initialValues?: Record<string, string>;
}) {
  const form = useOrganiserForm(action, { type: "RATING", ...initialValues });
  const { state, formAction, pending, field, choice, checkbox, t } = form;
  const editing = "questionId" in target;
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form" id="frage-form">
      <FormFeedback form={form} />
      <input type="hidden" name="workshopId" value={target.workshopId} />
      {editing ? <input type="hidden" name="questionId" value={target.questionId} /> : null}
      <ChoiceGroup
        {...choice("type", t("evaluation.form.type"))}
        required
        options={evaluationQuestionTypes.map((type) => ({ value: type, label: t(`evaluation.types.${type}`) }))}
      />
      <InputField {...field("labelDe", t("evaluation.form.labelDe"))} required maxLength={300} />
      <InputField {...field("labelEn", t("evaluation.form.labelEn"))} required maxLength={300} />
      <CheckboxField {...checkbox("required", t("evaluation.form.required"))} />
      <p className="field__hint">{t("evaluation.form.scaleHint")}</p>
      <div className="field-row">
        <InputField {...field("scaleLowDe", t("evaluation.form.scaleLowDe"))} maxLength={60} />
        <InputField {...field("scaleLowEn", t("evaluation.form.scaleLowEn"))} maxLength={60} />
      </div>
      <div className="field-row">
        <InputField {...field("scaleHighDe", t("evaluation.form.scaleHighDe"))} maxLength={60} />
        <InputField {...field("scaleHighEn", t("evaluation.form.scaleHighEn"))} maxLength={60} />
      </div>
      <TextAreaField {...field("options", t("evaluation.form.options"))} hint={t("evaluation.form.optionsHint")} rows={5} />
      <button type="submit" className="button" disabled={pending}>
        {editing ? t("evaluation.form.save") : t("evaluation.form.add")}
      </button>
    </form>
  );
}
