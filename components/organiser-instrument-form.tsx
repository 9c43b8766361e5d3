"use client";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField, TextAreaField } from "./organiser-fields";

const fields = ["title", "titleEn", "slug", "summary", "description", "summaryEn", "descriptionEn", "position"];

/** Create or edit an instrument's texts. */
export function InstrumentForm({
  action,
  instrumentId,
  initialValues,
  mode,
}: {
  action: OrganiserFormAction;
  instrumentId?: string;
  initialValues?: Record<string, string>;
  mode: "create" | "edit";
}) {
  const { state, formAction, pending, error, value, focusRef, t } = useOrganiserForm(action, initialValues);
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form">
      <FormFeedback state={state} fieldOrder={fields} focusRef={focusRef} />
      <p className="meta">{t("requiredHint")}</p>
      {instrumentId ? <input type="hidden" name="instrumentId" value={instrumentId} /> : null}
      <InputField name="title" label={t("instruments.form.title")} required maxLength={200} defaultValue={value("title")} error={error("title")} />
      <InputField
        name="titleEn"
        label={t("instruments.form.titleEn")}
        hint={t("instruments.form.titleEnHint")}
        maxLength={200}
        defaultValue={value("titleEn")}
        error={error("titleEn")}
      />
      <InputField
        name="slug"
        label={t("instruments.form.slug")}
        hint={t("instruments.form.slugHint")}
        required
        maxLength={80}
        defaultValue={value("slug")}
        error={error("slug")}
        autoComplete="off"
      />
      <TextAreaField
        name="summary"
        label={t("instruments.form.summary")}
        hint={t("instruments.form.summaryHint")}
        rows={3}
        maxLength={600}
        defaultValue={value("summary")}
        error={error("summary")}
      />
      <TextAreaField
        name="description"
        label={t("instruments.form.description")}
        rows={8}
        maxLength={10000}
        defaultValue={value("description")}
        error={error("description")}
      />
      <TextAreaField
        name="summaryEn"
        label={t("english.summary")}
        hint={t("english.hint")}
        rows={3}
        maxLength={600}
        defaultValue={value("summaryEn")}
        error={error("summaryEn")}
      />
      <TextAreaField
        name="descriptionEn"
        label={t("english.description")}
        rows={8}
        maxLength={10000}
        defaultValue={value("descriptionEn")}
        error={error("descriptionEn")}
      />
      <InputField
        name="position"
        type="number"
        inputMode="numeric"
        min={0}
        max={999}
        size="short"
        label={t("instruments.form.position")}
        hint={t("instruments.form.positionHint")}
        required
        defaultValue={value("position") || "0"}
        error={error("position")}
      />
      <button type="submit" className="button" disabled={pending}>
        {mode === "create" ? t("instruments.form.create") : t("instruments.form.save")}
      </button>
    </form>
  );
}
