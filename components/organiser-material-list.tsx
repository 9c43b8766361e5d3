import { getLocale, getTranslations } from "next-intl/server";
import type { OrganiserMaterial } from "@/lib/materials/organiser-queries";
import { formatFileSize, kindLabel } from "@/lib/materials/file-kinds";
import { materialHref } from "@/lib/materials/public-material";
import { formatInstant } from "@/lib/time/format";
import type { Locale } from "@/lib/i18n/catalogue";

/** An owner's materials with their facts and download totals, each with a confirmed remove button. */
export async function OrganiserMaterialList({
  materials,
  removeAction,
  hiddenFields,
}: {
  materials: OrganiserMaterial[];
  removeAction: (form: FormData) => Promise<void>;
  hiddenFields: Record<string, string>;
}) {
  const t = await getTranslations("organiser");
  const locale = (await getLocale()) as Locale;
  if (materials.length === 0) return <p>{t("materials.empty")}</p>;
  return (
    <ul className="org-material-list">
      {materials.map((material) => {
        const facts = [
          material.fileName ? t("materials.file", { name: material.fileName }) : null,
          [kindLabel(material.mimeType), material.sizeBytes !== null ? formatFileSize(material.sizeBytes, locale) : null].filter(Boolean).join(", ") || null,
          t("materials.language", { language: t(material.language === "en" ? "materials.form.languageEn" : "materials.form.languageDe") }),
          material.availableFrom ? t("materials.availableFrom", { date: formatInstant(material.availableFrom, "Europe/Berlin", locale) }) : null,
          material.fileName ? t("materials.downloads", { count: material.downloads }) : null,
        ].filter(Boolean);
        return (
          <li key={material.id}>
            <a href={materialHref(material)}>{material.title}</a>
            <span className="meta"> · {facts.join(" · ")}</span>
            <details className="org-confirm">
              <summary>
                {t("materials.remove")}
                <span className="visually-hidden"> ({material.title})</span>
              </summary>
              <form action={removeAction}>
                {Object.entries(hiddenFields).map(([name, value]) => (
                  <input key={name} type="hidden" name={name} value={value} />
                ))}
                <input type="hidden" name="materialId" value={material.id} />
                <button type="submit" className="button button--danger button--small">
                  {t("materials.removeConfirm", { title: material.title })}
                </button>
              </form>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
