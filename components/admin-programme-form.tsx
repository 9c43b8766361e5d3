"use client";
// Create or edit a programme (administrators). A plain form post without
// JavaScript; the privacy notice becomes a new version only when it changed.
import { useTranslations } from "next-intl";
import { FormFeedback, useOrganiserForm, type OrganiserFormAction } from "./organiser-form";
import { EnglishVersionFieldset, InputField, TextAreaField } from "./organiser-fields";

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
  const form = useOrganiserForm(action, { retentionDays: "180", ...initialValues });
  const { state, formAction, pending, field, value, t: organiser } = form;
  const t = useTranslations("admin.programmes.form");
  return (
    <form action={formAction} key={state.submission} noValidate className="org-form">
      <FormFeedback form={form} />
      <p className="meta">{organiser("requiredHint")}</p>
      {programmeId ? <input type="hidden" name="programmeId" value={programmeId} /> : null}
      {noticeVersion ? <input type="hidden" name="privacyNoticeVersion" value={noticeVersion} /> : null}
      <InputField {...field("name", t("name"))} required maxLength={200} />
      <InputField {...field("slug", t("slug"))} hint={t("slugHint")} maxLength={80} autoComplete="off" />
      <TextAreaField {...field("description", t("description"))} hint={t("descriptionHint")} required rows={8} maxLength={10000} />
      <InputField {...field("contactEmail", t("contactEmail"))} type="email" hint={t("contactEmailHint")} required maxLength={254} autoComplete="off" />
      <TextAreaField {...field("imprint", t("imprint"))} hint={t("imprintHint")} rows={6} maxLength={10000} />
      <TextAreaField
        {...field("privacyNotice", t("privacyNotice"))}
        hint={currentVersion ? `${t("privacyNoticeHint")} ${currentVersion}` : t("privacyNoticeHint")}
        required
        rows={12}
        maxLength={50000}
      />
      <InputField
        {...field("retentionDays", t("retentionDays"))}
        type="number"
        inputMode="numeric"
        min={1}
        max={3650}
        size="short"
        hint={t("retentionDaysHint")}
        required
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
      <EnglishVersionFieldset hintId="programme-english-hint" legend={t("english")} hint={t("englishHint")}>
        <InputField {...field("nameEn", t("nameEn"))} maxLength={200} />
        <TextAreaField {...field("descriptionEn", t("descriptionEn"))} rows={8} maxLength={10000} />
        <TextAreaField {...field("imprintEn", t("imprintEn"))} rows={6} maxLength={10000} />
        <TextAreaField {...field("privacyNoticeEn", t("privacyNoticeEn"))} rows={12} maxLength={50000} />
      </EnglishVersionFieldset>
      <button type="submit" className="button" disabled={pending}>
        {programmeId ? t("save") : t("create")}
      </button>
    </form>
  );
}
