"use client";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField } from "./organiser-fields";

/** A linked material (title and web address) for a workshop or an instrument. */
export function MaterialForm({ action, owner }: { action: OrganiserFormAction; owner: { name: "workshopId" | "instrumentId"; value: string } }) {
  const form = useOrganiserForm(action);
  const { state, formAction, pending, field, t } = form;
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form">
      <FormFeedback form={form} />
      <input type="hidden" name={owner.name} value={owner.value} />
      <InputField {...field("title", t("materials.form.title"))} required maxLength={200} />
      <InputField {...field("titleEn", t("english.title"))} hint={t("english.hint")} maxLength={200} />
      <InputField {...field("url", t("materials.form.url"))} type="url" hint={t("materials.form.urlHint")} required maxLength={2000} />
      <button type="submit" className="button" disabled={pending}>
        {t("materials.form.add")}
      </button>
    </form>
  );
}
