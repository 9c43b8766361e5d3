import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { instrumentTitle, MaterialList, PresentingWorkshops } from "@/components/workshop-details";
import { getPublicInstrument } from "@/lib/instruments/queries";
import { getCurrentProgramme } from "@/lib/programmes/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  const programme = await getCurrentProgramme();
  return programme ? getPublicInstrument(programme.id, slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const instrument = await load((await params).slug);
  return instrument ? { title: instrumentTitle(instrument, await getLocale()), description: instrument.summary || undefined } : {};
}

export default async function InstrumentPage({ params }: Props) {
  const instrument = await load((await params).slug);
  if (!instrument) notFound();
  const t = await getTranslations("programme");
  const locale = await getLocale();
  return (
    <article className="workshop workshop--page">
      <p>
        <Link href="/instrumente">{t("library.back")}</Link>
      </p>
      <h1>{instrumentTitle(instrument, locale)}</h1>
      {instrument.summary ? <p className="lead">{instrument.summary}</p> : null}
      {instrument.description
        .split(/\n{2,}/)
        .filter(Boolean)
        .map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      <PresentingWorkshops workshops={instrument.workshops} heading="h2" />
      {instrument.materials.length > 0 ? <MaterialList materials={instrument.materials} heading="h2" /> : <p>{t("library.noMaterials")}</p>}
    </article>
  );
}
