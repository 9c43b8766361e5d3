"use client";
import { EVALUATION_NUMBER_BOUNDS, evaluationRecipients } from "@/lib/evaluation/schema";
import { CheckboxField, ChoiceGroup } from "./form-fields";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField } from "./organiser-fields";

/** The programme's evaluation defaults, in the form's order. */
const evaluationDefaultNames = ["delayHours", "reminderDays", "minimumAnswers"] as const;

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

/** The programme's evaluation defaults, which every workshop without its own numbers follows (administrators). */
export function EvaluationDefaultsForm({
  action,
  programmeId,
  initialValues,
}: {
  action: OrganiserFormAction;
  programmeId: string;
  initialValues: { delayHours: number; reminderDays: number; minimumAnswers: number };
}) {
  const form = useOrganiserForm(action, Object.fromEntries(evaluationDefaultNames.map((name) => [name, String(initialValues[name])])));
  const { state, formAction, pending, field, t } = form;
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form" id="bewertung-standards">
      <FormFeedback form={form} />
      <input type="hidden" name="programmeId" value={programmeId} />
      <p className="meta">{t("requiredHint")}</p>
      {evaluationDefaultNames.map((name) => (
        <InputField
          key={name}
          {...field(name, t(`evaluation.defaults.${name}`))}
          required
          hint={t(`evaluation.defaults.${name}Hint`, EVALUATION_NUMBER_BOUNDS[name])}
          inputMode="numeric"
          size="short"
        />
      ))}
      <button type="submit" className="button" disabled={pending}>
        {t("evaluation.defaults.save")}
      </button>
    </form>
  );
}
