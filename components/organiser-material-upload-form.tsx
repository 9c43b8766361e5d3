import { getLocale, getTranslations } from "next-intl/server";
import { acceptAttribute, formatFileSize } from "@/lib/materials/file-kinds";
import type { MaterialOwner } from "@/lib/materials/material-access";
import { ChoiceGroup } from "./form-fields";
import { InputField } from "./organiser-fields";

/**
 * A plain multipart form posted to the upload route (no JavaScript needed;
 * the answer is a redirect back here with a notice). The file comes last:
 * the server reads the fields before the file streams in.
 */
export async function MaterialUploadForm({ owner, maxBytes }: { owner: MaterialOwner; maxBytes: number }) {
  const t = await getTranslations("organiser");
  const locale = await getLocale();
  return (
    <form method="post" action="/organisation/materialien/hochladen" encType="multipart/form-data" className="org-form">
      <p className="meta">{t("requiredHint")}</p>
      {"workshopId" in owner ? (
        <input type="hidden" name="workshopId" value={owner.workshopId} />
      ) : (
        <input type="hidden" name="instrumentId" value={owner.instrumentId} />
      )}
      {/* Its own id: the link form on the same page has a "title" field too. */}
      <div className="field">
        <label htmlFor="upload-title">
          {t("materials.form.title")}
          <span aria-hidden="true"> *</span>
        </label>
        <input id="upload-title" name="title" type="text" required maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="upload-titleEn">{t("english.title")}</label>
        <p id="upload-titleEn-hint" className="field__hint">
          {t("english.hint")}
        </p>
        <input id="upload-titleEn" name="titleEn" type="text" maxLength={200} aria-describedby="upload-titleEn-hint" />
      </div>
      <ChoiceGroup
        name="language"
        legend={t("materials.form.language")}
        defaultValue="de"
        options={[
          { value: "de", label: t("materials.form.languageDe") },
          { value: "en", label: t("materials.form.languageEn") },
        ]}
      />
      <InputField name="availableFrom" type="datetime-local" label={t("materials.form.availableFrom")} hint={t("materials.form.availableFromHint")} />
      <div className="field">
        <label htmlFor="field-file">
          {t("materials.upload.file")}
          <span aria-hidden="true"> *</span>
        </label>
        <p id="field-file-hint" className="field__hint">
          {t("materials.upload.fileHint", { size: formatFileSize(maxBytes, locale) })}
        </p>
        <input id="field-file" name="file" type="file" required accept={acceptAttribute} aria-describedby="field-file-hint" />
      </div>
      <button type="submit" className="button">
        {t("materials.upload.submit")}
      </button>
    </form>
  );
}
