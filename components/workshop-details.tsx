import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localizedText, type LocalizedText } from "@/lib/i18n/localized-text";
import { formatFileSize, kindLabel } from "@/lib/materials/file-kinds";
import { materialHref, type PublicMaterial } from "@/lib/materials/public-material";

type HeadingLevel = "h2" | "h3" | "h4";

/** A title in the reader's language; German (marked lang="de" on English pages) where no English title is set. */
export function localizedTitle(item: { title: string; titleEn: string | null }, locale: string): LocalizedText {
  return localizedText(locale, item.title, item.titleEn);
}

export async function InstrumentList({
  instruments,
  heading: Heading = "h4",
}: {
  instruments: { slug: string; title: string; titleEn: string | null }[];
  heading?: HeadingLevel;
}) {
  const t = await getTranslations("programme");
  const locale = await getLocale();
  if (instruments.length === 0) return null;
  return (
    <section className="workshop__section">
      <Heading>{t("instrumentsHeading")}</Heading>
      <ul className="tag-list">
        {instruments.map((instrument) => {
          const title = localizedTitle(instrument, locale);
          return (
            <li key={instrument.slug}>
              <Link href={`/instrumente/${instrument.slug}`} lang={title.lang}>
                {title.text}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Kind, size and (when it differs from the page) language of a file, for the link's description. */
async function materialFacts(material: PublicMaterial): Promise<string | null> {
  const t = await getTranslations("programme");
  const locale = await getLocale();
  const facts = [
    kindLabel(material.mimeType),
    material.sizeBytes !== null ? formatFileSize(material.sizeBytes, locale) : null,
    material.language !== locale ? t(material.language === "en" ? "materialLanguage.en" : "materialLanguage.de") : null,
  ].filter(Boolean);
  return facts.length > 0 ? facts.join(", ") : null;
}

export async function MaterialList({ materials, heading: Heading = "h4" }: { materials: PublicMaterial[]; heading?: HeadingLevel }) {
  const t = await getTranslations("programme");
  const locale = await getLocale();
  if (materials.length === 0) return null;
  const facts = await Promise.all(materials.map(materialFacts));
  return (
    <section className="workshop__section">
      <Heading>{t("materialsHeading")}</Heading>
      <ul>
        {materials.map((material, index) => {
          const title = localizedTitle(material, locale);
          return (
            <li key={material.id}>
              <a href={materialHref(material)} download={material.url ? undefined : (material.fileName ?? true)} hrefLang={material.language}>
                {t.rich("download", { title: () => <span lang={title.lang}>{title.text}</span> })}
              </a>
              {facts[index] ? <span className="meta"> ({facts[index]})</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The published workshops that present an instrument, as on the library and the instrument's own page. */
export async function PresentingWorkshops({
  workshops,
  heading: Heading,
}: {
  workshops: { slug: string; title: string; titleEn: string | null }[];
  heading: HeadingLevel;
}) {
  const t = await getTranslations("programme");
  const locale = await getLocale();
  return (
    <section className="workshop__section">
      <Heading>{t("library.presentedIn")}</Heading>
      <ul>
        {workshops.map((workshop) => {
          const title = localizedTitle(workshop, locale);
          return (
            <li key={workshop.slug}>
              <Link href={`/workshops/${workshop.slug}`} lang={title.lang}>
                {title.text}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
