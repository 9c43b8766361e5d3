"use client";
// Create or edit a programme (administrators). A plain form post without
// JavaScript; the privacy notice becomes a new version only when it changed.
import { useTranslations } from "next-intl";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { InputField, TextAreaField } from "./organiser-fields";

const fields = [
  "name",
  "slug",
  "description",
  "contactEmail",
  "imprint",
  "privacyNotice",
  "retentionDays",
  "shownOnHome",
  "nameEn",
  "descriptionEn",
  "imprintEn",
  "privacyNoticeEn",
];

export function ProgrammeForm({
  action,
  programmeId,
  initialValues,
  currentVersion,
  noticeVersion,
}: {
  action: OrganiserFormAction;
  programmeId?: string;
  initialValues?: Record<string, string>;
  /** The privacy notice in force, described ("Fassung 2, veröffentlicht am …"). */
  currentVersion?: string;
  /** The version number in force, so the answer can say whether a new one was published. */
  noticeVersion?: number;
}) {
  const { state, formAction, pending, error, value, focusRef, t: organiser } = useOrganiserForm(action, initialValues);
  const t = useTranslations("admin.programmes.form");
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form">
      <FormFeedback state={state} fieldOrder={fields} focusRef={focusRef} />
      <p className="meta">{organiser("requiredHint")}</p>
      {programmeId ? <input type="hidden" name="programmeId" value={programmeId} /> : null}
      {noticeVersion ? <input type="hidden" name="privacyNoticeVersion" value={noticeVersion} /> : null}
      <InputField name="name" label={t("name")} required maxLength={200} defaultValue={value("name")} error={error("name")} />
      <InputField name="slug" label={t("slug")} hint={t("slugHint")} maxLength={80} defaultValue={value("slug")} error={error("slug")} autoComplete="off" />
      <TextAreaField
        name="description"
        label={t("description")}
        hint={t("descriptionHint")}
        required
        rows={8}
        maxLength={10000}
        defaultValue={value("description")}
        error={error("description")}
      />
      <InputField
        name="contactEmail"
        type="email"
        label={t("contactEmail")}
        hint={t("contactEmailHint")}
        required
        maxLength={254}
        autoComplete="off"
        defaultValue={value("contactEmail")}
        error={error("contactEmail")}
      />
      <TextAreaField
        name="imprint"
        label={t("imprint")}
        hint={t("imprintHint")}
        rows={6}
        maxLength={10000}
        defaultValue={value("imprint")}
        error={error("imprint")}
      />
      <TextAreaField
        name="privacyNotice"
        label={t("privacyNotice")}
        hint={currentVersion ? `${t("privacyNoticeHint")} ${currentVersion}` : t("privacyNoticeHint")}
        required
        rows={12}
        maxLength={50000}
        defaultValue={value("privacyNotice")}
        error={error("privacyNotice")}
      />
      <InputField
        name="retentionDays"
        type="number"
        inputMode="numeric"
        min={1}
        max={3650}
        size="short"
        label={t("retentionDays")}
        hint={t("retentionDaysHint")}
        required
        defaultValue={value("retentionDays") || "180"}
        error={error("retentionDays")}
      />
      <div className="field">
        <div className="choice">
          <input
            type="checkbox"
            id="field-shownOnHome"
            name="shownOnHome"
            defaultChecked={value("shownOnHome") === "on"}
            aria-describedby="field-shownOnHome-hint"
          />
          <label htmlFor="field-shownOnHome">{t("shownOnHome")}</label>
        </div>
        <p id="field-shownOnHome-hint" className="field__hint">
          {t("shownOnHomeHint")}
        </p>
      </div>
      <fieldset className="field" aria-describedby="programme-english-hint">
        <legend>{t("english")}</legend>
        <p id="programme-english-hint" className="field__hint">
          {t("englishHint")}
        </p>
        <InputField name="nameEn" label={t("nameEn")} maxLength={200} defaultValue={value("nameEn")} error={error("nameEn")} />
        <TextAreaField
          name="descriptionEn"
          label={t("descriptionEn")}
          rows={8}
          maxLength={10000}
          defaultValue={value("descriptionEn")}
          error={error("descriptionEn")}
        />
        <TextAreaField name="imprintEn" label={t("imprintEn")} rows={6} maxLength={10000} defaultValue={value("imprintEn")} error={error("imprintEn")} />
        <TextAreaField
          name="privacyNoticeEn"
          label={t("privacyNoticeEn")}
          rows={12}
          maxLength={50000}
          defaultValue={value("privacyNoticeEn")}
          error={error("privacyNoticeEn")}
        />
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        {programmeId ? t("save") : t("create")}
      </button>
    </form>
  );
}
