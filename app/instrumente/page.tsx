import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { localizedTitle, MaterialList, PresentingWorkshops } from "@/components/workshop-details";
import { listPublicInstruments } from "@/lib/instruments/queries";
import { localizedText } from "@/lib/i18n/localized-text";
import { getCurrentProgramme } from "@/lib/programmes/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("programme.library");
  return { title: t("title"), description: t("intro") };
}

/** The instrument library: every public instrument with its materials and the published workshops presenting it. */
export default async function InstrumentLibraryPage() {
  const t = await getTranslations("programme");
  const common = await getTranslations("common");
  const locale = await getLocale();
  const programme = await getCurrentProgramme();
  if (!programme) return <p>{common("notConfigured")}</p>;
  const instruments = await listPublicInstruments(programme.id);
  return (
    <>
      <h1>{t("library.title")}</h1>
      <p className="lead">{t("library.intro")}</p>
      {instruments.length === 0 ? <p>{t("library.empty")}</p> : null}
      {instruments.map((instrument) => {
        const title = localizedTitle(instrument, locale);
        const summary = localizedText(locale, instrument.summary, instrument.summaryEn);
        return (
          <article key={instrument.id} className="workshop" aria-labelledby={`instrument-${instrument.slug}`}>
            <h2 className="workshop__title" id={`instrument-${instrument.slug}`} lang={title.lang}>
              {title.text}
            </h2>
            {summary.text ? <p lang={summary.lang}>{summary.text}</p> : null}
            <PresentingWorkshops workshops={instrument.workshops} heading="h3" />
            <MaterialList materials={instrument.materials} heading="h3" />
            <p>
              <Link href={`/instrumente/${instrument.slug}`} aria-label={t("library.moreLabel", { title: title.text })}>
                {t("library.more")}
              </Link>
            </p>
          </article>
        );
      })}
    </>
  );
}
