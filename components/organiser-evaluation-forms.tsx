"use client";
import { evaluationQuestionTypes, evaluationRecipients } from "@/lib/evaluation/schema";
import { CheckboxField, ChoiceGroup } from "./form-fields";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField, TextAreaField } from "./organiser-fields";

const settingsFields = ["enabled", "recipients", "delayHours", "reminderDays", "minimumAnswers"];

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
  const { state, formAction, pending, error, value, focusRef, t } = useOrganiserForm(action, initialValues);
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form" id="bewertung-einstellungen">
      <FormFeedback state={state} fieldOrder={settingsFields} focusRef={focusRef} />
      <input type="hidden" name="workshopId" value={workshopId} />
      <CheckboxField name="enabled" label={t("evaluation.settings.enabled")} defaultChecked={value("enabled") === "on"} error={error("enabled")} />
      <ChoiceGroup
        name="recipients"
        legend={t("evaluation.settings.recipients")}
        required
        options={evaluationRecipients.map((recipients) => ({ value: recipients, label: t(`evaluation.settings.recipientsOptions.${recipients}`) }))}
        defaultValue={value("recipients") || "ATTENDED_OR_CONFIRMED"}
        error={error("recipients")}
      />
      <InputField
        name="delayHours"
        label={t("evaluation.settings.delayHours")}
        hint={t("evaluation.settings.delayHoursHint", { hours: defaults.delayHours })}
        inputMode="numeric"
        size="short"
        defaultValue={value("delayHours")}
        error={error("delayHours")}
      />
      <InputField
        name="reminderDays"
        label={t("evaluation.settings.reminderDays")}
        hint={t("evaluation.settings.reminderDaysHint", { days: defaults.reminderDays })}
        inputMode="numeric"
        size="short"
        defaultValue={value("reminderDays")}
        error={error("reminderDays")}
      />
      <InputField
        name="minimumAnswers"
        label={t("evaluation.settings.minimumAnswers")}
        hint={t("evaluation.settings.minimumAnswersHint", { count: defaults.minimumAnswers })}
        inputMode="numeric"
        size="short"
        defaultValue={value("minimumAnswers")}
        error={error("minimumAnswers")}
      />
      <button type="submit" className="button" disabled={pending}>
        {t("evaluation.settings.save")}
      </button>
    </form>
  );
}

const questionFields = ["type", "labelDe", "labelEn", "required", "scaleLowDe", "scaleLowEn", "scaleHighDe", "scaleHighEn", "options"];

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
  const { state, formAction, pending, error, value, focusRef, t } = useOrganiserForm(action, initialValues);
  const editing = "questionId" in target;
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form" id="frage-form">
      <FormFeedback state={state} fieldOrder={questionFields} focusRef={focusRef} />
      <input type="hidden" name="workshopId" value={target.workshopId} />
      {editing ? <input type="hidden" name="questionId" value={target.questionId} /> : null}
      <ChoiceGroup
        name="type"
        legend={t("evaluation.form.type")}
        required
        options={evaluationQuestionTypes.map((type) => ({ value: type, label: t(`evaluation.types.${type}`) }))}
        defaultValue={value("type") || "RATING"}
        error={error("type")}
      />
      <InputField name="labelDe" label={t("evaluation.form.labelDe")} required maxLength={300} defaultValue={value("labelDe")} error={error("labelDe")} />
      <InputField name="labelEn" label={t("evaluation.form.labelEn")} required maxLength={300} defaultValue={value("labelEn")} error={error("labelEn")} />
      <CheckboxField name="required" label={t("evaluation.form.required")} defaultChecked={value("required") === "on"} error={error("required")} />
      <p className="field__hint">{t("evaluation.form.scaleHint")}</p>
      <div className="field-row">
        <InputField name="scaleLowDe" label={t("evaluation.form.scaleLowDe")} maxLength={60} defaultValue={value("scaleLowDe")} error={error("scaleLowDe")} />
        <InputField name="scaleLowEn" label={t("evaluation.form.scaleLowEn")} maxLength={60} defaultValue={value("scaleLowEn")} error={error("scaleLowEn")} />
      </div>
      <div className="field-row">
        <InputField
          name="scaleHighDe"
          label={t("evaluation.form.scaleHighDe")}
          maxLength={60}
          defaultValue={value("scaleHighDe")}
          error={error("scaleHighDe")}
        />
        <InputField
          name="scaleHighEn"
          label={t("evaluation.form.scaleHighEn")}
          maxLength={60}
          defaultValue={value("scaleHighEn")}
          error={error("scaleHighEn")}
        />
      </div>
      <TextAreaField
        name="options"
        label={t("evaluation.form.options")}
        hint={t("evaluation.form.optionsHint")}
        rows={5}
        defaultValue={value("options")}
        error={error("options")}
      />
      <button type="submit" className="button" disabled={pending}>
        {editing ? t("evaluation.form.save") : t("evaluation.form.add")}
      </button>
    </form>
  );
}
