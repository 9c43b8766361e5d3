"use client";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField, TextAreaField } from "./organiser-fields";

const fields = ["title", "slug", "summary", "description", "guidingQuestions", "titleEn", "summaryEn", "descriptionEn", "guidingQuestionsEn", "holdHours"];

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
  const { state, formAction, pending, error, value, focusRef, t } = useOrganiserForm(action, initialValues);
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form">
      <FormFeedback state={state} fieldOrder={fields} focusRef={focusRef} />
      <p className="meta">{t("requiredHint")}</p>
      {workshopId ? <input type="hidden" name="workshopId" value={workshopId} /> : null}
      <InputField name="title" label={t("workshopForm.title")} required maxLength={200} defaultValue={value("title")} error={error("title")} />
      <InputField
        name="slug"
        label={t("workshopForm.slug")}
        hint={t("workshopForm.slugHint")}
        maxLength={80}
        defaultValue={value("slug")}
        error={error("slug")}
        autoComplete="off"
      />
      <TextAreaField
        name="summary"
        label={t("workshopForm.summary")}
        hint={t("workshopForm.summaryHint")}
        required
        rows={3}
        maxLength={600}
        defaultValue={value("summary")}
        error={error("summary")}
      />
      <TextAreaField
        name="description"
        label={t("workshopForm.description")}
        required
        rows={8}
        maxLength={10000}
        defaultValue={value("description")}
        error={error("description")}
      />
      <TextAreaField
        name="guidingQuestions"
        label={t("workshopForm.guidingQuestions")}
        hint={t("workshopForm.guidingQuestionsHint")}
        rows={6}
        defaultValue={value("guidingQuestions")}
        error={error("guidingQuestions")}
      />
      <fieldset className="field" aria-describedby="english-version-hint">
        <legend>{t("english.legend")}</legend>
        <p id="english-version-hint" className="field__hint">
          {t("english.hint")}
        </p>
        <InputField name="titleEn" label={t("english.title")} maxLength={200} defaultValue={value("titleEn")} error={error("titleEn")} />
        <TextAreaField name="summaryEn" label={t("english.summary")} rows={3} maxLength={600} defaultValue={value("summaryEn")} error={error("summaryEn")} />
        <TextAreaField
          name="descriptionEn"
          label={t("english.description")}
          rows={8}
          maxLength={10000}
          defaultValue={value("descriptionEn")}
          error={error("descriptionEn")}
        />
        <TextAreaField
          name="guidingQuestionsEn"
          label={t("english.guidingQuestions")}
          hint={t("english.guidingQuestionsHint")}
          rows={6}
          defaultValue={value("guidingQuestionsEn")}
          error={error("guidingQuestionsEn")}
        />
      </fieldset>
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
      <InputField
        name="holdHours"
        label={t("workshopForm.holdHours")}
        hint={t("workshopForm.holdHoursHint")}
        maxLength={3}
        defaultValue={value("holdHours") || "48"}
        error={error("holdHours")}
      />
      <button type="submit" className="button" disabled={pending}>
        {mode === "create" ? t("workshopForm.create") : t("workshopForm.save")}
      </button>
    </form>
  );
}
