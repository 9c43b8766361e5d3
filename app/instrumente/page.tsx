import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { instrumentTitle, MaterialList, PresentingWorkshops } from "@/components/workshop-details";
import { listPublicInstruments } from "@/lib/instruments/queries";
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
        const title = instrumentTitle(instrument, locale);
        return (
          <article key={instrument.id} className="workshop" aria-labelledby={`instrument-${instrument.slug}`}>
            <h2 className="workshop__title" id={`instrument-${instrument.slug}`}>
              {title}
            </h2>
            {instrument.summary ? <p>{instrument.summary}</p> : null}
            <PresentingWorkshops workshops={instrument.workshops} heading="h3" />
            <MaterialList materials={instrument.materials} heading="h3" />
            <p>
              <Link href={`/instrumente/${instrument.slug}`} aria-label={t("library.moreLabel", { title })}>
                {t("library.more")}
              </Link>
            </p>
          </article>
        );
      })}
    </>
  );
}
