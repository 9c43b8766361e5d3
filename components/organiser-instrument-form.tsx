"use client";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField, TextAreaField } from "./organiser-fields";

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
  const form = useOrganiserForm(action, { position: "0", ...initialValues });
  const { state, formAction, pending, field, t } = form;
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form">
      <FormFeedback form={form} />
      <p className="meta">{t("requiredHint")}</p>
      {instrumentId ? <input type="hidden" name="instrumentId" value={instrumentId} /> : null}
      <InputField {...field("title", t("instruments.form.title"))} required maxLength={200} />
      <InputField {...field("titleEn", t("instruments.form.titleEn"))} hint={t("instruments.form.titleEnHint")} maxLength={200} />
      <InputField {...field("slug", t("instruments.form.slug"))} hint={t("instruments.form.slugHint")} required maxLength={80} autoComplete="off" />
      <TextAreaField {...field("summary", t("instruments.form.summary"))} hint={t("instruments.form.summaryHint")} rows={3} maxLength={600} />
      <TextAreaField {...field("description", t("instruments.form.description"))} rows={8} maxLength={10000} />
      <TextAreaField {...field("summaryEn", t("english.summary"))} hint={t("english.hint")} rows={3} maxLength={600} />
      <TextAreaField {...field("descriptionEn", t("english.description"))} rows={8} maxLength={10000} />
      <InputField
        {...field("position", t("instruments.form.position"))}
        type="number"
        inputMode="numeric"
        min={0}
        max={999}
        size="short"
        hint={t("instruments.form.positionHint")}
        required
      />
      <button type="submit" className="button" disabled={pending}>
        {mode === "create" ? t("instruments.form.create") : t("instruments.form.save")}
      </button>
    </form>
  );
}
