import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { localizedTitle, MaterialList, PresentingWorkshops } from "@/components/workshop-details";
import { getPublicInstrument } from "@/lib/instruments/queries";
import { localizedText } from "@/lib/i18n/localized-text";
import { getCurrentProgramme } from "@/lib/programmes/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  const programme = await getCurrentProgramme();
  return programme ? getPublicInstrument(programme.id, slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const instrument = await load((await params).slug);
  if (!instrument) return {};
  const locale = await getLocale();
  return { title: localizedTitle(instrument, locale).text, description: localizedText(locale, instrument.summary, instrument.summaryEn).text || undefined };
}

export default async function InstrumentPage({ params }: Props) {
  const instrument = await load((await params).slug);
  if (!instrument) notFound();
  const t = await getTranslations("programme");
  const locale = await getLocale();
  const title = localizedTitle(instrument, locale);
  const summary = localizedText(locale, instrument.summary, instrument.summaryEn);
  const description = localizedText(locale, instrument.description, instrument.descriptionEn);
  return (
    <article className="workshop workshop--page">
      <p>
        <Link href="/instrumente">{t("library.back")}</Link>
      </p>
      <h1 lang={title.lang}>{title.text}</h1>
      {summary.text ? (
        <p className="lead" lang={summary.lang}>
          {summary.text}
        </p>
      ) : null}
      {description.text
        .split(/\n{2,}/)
        .filter(Boolean)
        .map((paragraph) => (
          <p key={paragraph} lang={description.lang}>
            {paragraph}
          </p>
        ))}
      <PresentingWorkshops workshops={instrument.workshops} heading="h2" />
      {instrument.materials.length > 0 ? <MaterialList materials={instrument.materials} heading="h2" /> : <p>{t("library.noMaterials")}</p>}
    </article>
  );
}
