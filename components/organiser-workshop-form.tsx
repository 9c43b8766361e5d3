"use client";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { EnglishVersionFieldset, InputField, TextAreaField } from "./organiser-fields";

/** Create or edit a workshop's texts; guiding questions one per line, in order (instruments: their own page). */
export function WorkshopForm({
  action,
  workshopId,
  initialValues,
  mode,
}: {
  action: OrganiserFormAction;
  workshopId?: string;
  initialValues?: Record<string, string>;
  mode: "create" | "edit";
}) {
  const form = useOrganiserForm(action, { holdHours: "48", ...initialValues });
  const { state, formAction, pending, field, value, t } = form;
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form">
      <FormFeedback form={form} />
      <p className="meta">{t("requiredHint")}</p>
      {workshopId ? <input type="hidden" name="workshopId" value={workshopId} /> : null}
      <InputField {...field("title", t("workshopForm.title"))} required maxLength={200} />
      <InputField {...field("slug", t("workshopForm.slug"))} hint={t("workshopForm.slugHint")} maxLength={80} autoComplete="off" />
      <TextAreaField {...field("summary", t("workshopForm.summary"))} hint={t("workshopForm.summaryHint")} required rows={3} maxLength={600} />
      <TextAreaField {...field("description", t("workshopForm.description"))} required rows={8} maxLength={10000} />
      <TextAreaField {...field("guidingQuestions", t("workshopForm.guidingQuestions"))} hint={t("workshopForm.guidingQuestionsHint")} rows={6} />
      <EnglishVersionFieldset hintId="english-version-hint" legend={t("english.legend")} hint={t("english.hint")}>
        <InputField {...field("titleEn", t("english.title"))} maxLength={200} />
        <TextAreaField {...field("summaryEn", t("english.summary"))} rows={3} maxLength={600} />
        <TextAreaField {...field("descriptionEn", t("english.description"))} rows={8} maxLength={10000} />
        <TextAreaField {...field("guidingQuestionsEn", t("english.guidingQuestions"))} hint={t("english.guidingQuestionsHint")} rows={6} />
      </EnglishVersionFieldset>
      <fieldset className="field">
        <legend>{t("workshopForm.registrationProcess")}</legend>
        <div className="choice">
          <input
            type="checkbox"
            id="field-doubleOptIn"
            name="doubleOptIn"
            defaultChecked={value("doubleOptIn") === "on"}
            aria-describedby="field-doubleOptIn-hint"
          />
          <label htmlFor="field-doubleOptIn">{t("workshopForm.doubleOptIn")}</label>
        </div>
        <p id="field-doubleOptIn-hint" className="field__hint">
          {t("workshopForm.doubleOptInHint")}
        </p>
        <div className="choice">
          <input
            type="checkbox"
            id="field-requiresApproval"
            name="requiresApproval"
            defaultChecked={value("requiresApproval") === "on"}
            aria-describedby="field-requiresApproval-hint"
          />
          <label htmlFor="field-requiresApproval">{t("workshopForm.requiresApproval")}</label>
        </div>
        <p id="field-requiresApproval-hint" className="field__hint">
          {t("workshopForm.requiresApprovalHint")}
        </p>
      </fieldset>
      <InputField {...field("holdHours", t("workshopForm.holdHours"))} hint={t("workshopForm.holdHoursHint")} maxLength={3} />
      <button type="submit" className="button" disabled={pending}>
        {mode === "create" ? t("workshopForm.create") : t("workshopForm.save")}
      </button>
    </form>
  );
}
