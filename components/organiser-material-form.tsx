"use client";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField } from "./organiser-fields";

/** A linked material (title and web address) for a workshop or an instrument. */
export function MaterialForm({ action, owner }: { action: OrganiserFormAction; owner: { name: "workshopId" | "instrumentId"; value: string } }) {
  const { state, formAction, pending, error, value, focusRef, t } = useOrganiserForm(action);
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form">
      <FormFeedback state={state} fieldOrder={["title", "titleEn", "url"]} focusRef={focusRef} />
      <input type="hidden" name={owner.name} value={owner.value} />
      <InputField name="title" label={t("materials.form.title")} required maxLength={200} defaultValue={value("title")} error={error("title")} />
      <InputField name="titleEn" label={t("english.title")} hint={t("english.hint")} maxLength={200} defaultValue={value("titleEn")} error={error("titleEn")} />
      <InputField
        name="url"
        type="url"
        label={t("materials.form.url")}
        hint={t("materials.form.urlHint")}
        required
        maxLength={2000}
        defaultValue={value("url")}
        error={error("url")}
      />
      <button type="submit" className="button" disabled={pending}>
        {t("materials.form.add")}
      </button>
    </form>
  );
}
