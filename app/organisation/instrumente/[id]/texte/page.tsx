import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { InstrumentForm } from "@/components/organiser-instrument-form";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getInstrumentForEditing } from "@/lib/instruments/organiser-queries";
import { submitInstrument } from "../actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const instrument = await organiserRead(async (actor) => getInstrumentForEditing(actor, (await params).id));
  return { title: (await getTranslations("organiser.instruments"))("textsTitle", { title: instrument.title }) };
}

export default async function InstrumentTextsPage({ params }: Props) {
  const { id } = await params;
  const instrument = await organiserRead((actor) => getInstrumentForEditing(actor, id), `/organisation/instrumente/${id}/texte`);
  const t = await getTranslations("organiser");
  return (
    <>
      <p>
        <Link href={`/organisation/instrumente/${instrument.id}`}>{t("instruments.backToInstrument")}</Link>
      </p>
      <h1>{t("instruments.textsTitle", { title: instrument.title })}</h1>
      <InstrumentForm
        action={submitInstrument}
        mode="edit"
        instrumentId={instrument.id}
        initialValues={{
          title: instrument.title,
          titleEn: instrument.titleEn ?? "",
          slug: instrument.slug,
          summary: instrument.summary,
          description: instrument.description,
          summaryEn: instrument.summaryEn ?? "",
          descriptionEn: instrument.descriptionEn ?? "",
          position: String(instrument.position),
        }}
      />
    </>
  );
}
