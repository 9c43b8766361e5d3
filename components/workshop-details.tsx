import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatFileSize, kindLabel } from "@/lib/materials/file-kinds";
import { materialHref, type PublicMaterial } from "@/lib/materials/public-material";

type HeadingLevel = "h2" | "h3" | "h4";

/** An instrument's title in the reader's language (German where no English title is set). */
export function instrumentTitle(instrument: { title: string; titleEn: string | null }, locale: string): string {
  return locale === "en" && instrument.titleEn ? instrument.titleEn : instrument.title;
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
        {instruments.map((instrument) => (
          <li key={instrument.slug}>
            <Link href={`/instrumente/${instrument.slug}`}>{instrumentTitle(instrument, locale)}</Link>
          </li>
        ))}
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
  if (materials.length === 0) return null;
  const facts = await Promise.all(materials.map(materialFacts));
  return (
    <section className="workshop__section">
      <Heading>{t("materialsHeading")}</Heading>
      <ul>
        {materials.map((material, index) => (
          <li key={material.id}>
            <a href={materialHref(material)} download={material.url ? undefined : (material.fileName ?? true)} hrefLang={material.language}>
              {t("download", { title: material.title })}
            </a>
            {facts[index] ? <span className="meta"> ({facts[index]})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The published workshops that present an instrument, as on the library and the instrument's own page. */
export async function PresentingWorkshops({ workshops, heading: Heading }: { workshops: { slug: string; title: string }[]; heading: HeadingLevel }) {
  const t = await getTranslations("programme");
  return (
    <section className="workshop__section">
      <Heading>{t("library.presentedIn")}</Heading>
      <ul>
        {workshops.map((workshop) => (
          <li key={workshop.slug}>
            <Link href={`/workshops/${workshop.slug}`}>{workshop.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
