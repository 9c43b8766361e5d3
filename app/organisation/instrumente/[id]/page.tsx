import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OrganiserFlash } from "@/components/organiser-flash";
import { MaterialForm } from "@/components/organiser-material-form";
import { OrganiserMaterialList } from "@/components/organiser-material-list";
import { MaterialUploadForm } from "@/components/organiser-material-upload-form";
import { organiserRead } from "@/lib/auth/organiser-action";
import { env } from "@/lib/env";
import { getInstrumentForEditing } from "@/lib/instruments/organiser-queries";
import { readFlash } from "@/lib/organiser/flash";
import { submitInstrumentMaterial, submitInstrumentMaterialRemoval } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const instrument = await organiserRead(async (actor) => getInstrumentForEditing(actor, (await params).id));
  return { title: (await getTranslations("organiser.instruments"))("editTitle", { title: instrument.title }) };
}

export default async function InstrumentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const instrument = await organiserRead((actor) => getInstrumentForEditing(actor, id), `/organisation/instrumente/${id}`);
  const t = await getTranslations("organiser");
  return (
    <>
      <p>
        <Link href="/organisation/instrumente">{t("instruments.back")}</Link>
      </p>
      <h1>{t("instruments.editTitle", { title: instrument.title })}</h1>
      <OrganiserFlash flash={readFlash(await searchParams)} />
      <p>
        <Link href={`/organisation/instrumente/${instrument.id}/texte`}>{t("instruments.editTexts")}</Link>
      </p>
      {instrument.isPublic ? (
        <p>
          <Link href={`/instrumente/${instrument.slug}`}>{t("instruments.publicLink")}</Link>
        </p>
      ) : (
        <p className="notice">{t("instruments.notPublic")}</p>
      )}
      <section aria-labelledby="instrument-materials-heading">
        <h2 id="instrument-materials-heading">{t("workshop.materialsHeading")}</h2>
        <OrganiserMaterialList materials={instrument.materials} removeAction={submitInstrumentMaterialRemoval} hiddenFields={{ instrumentId: instrument.id }} />
        <section aria-labelledby="material-upload-heading">
          <h3 id="material-upload-heading">{t("materials.uploadHeading")}</h3>
          <MaterialUploadForm owner={{ instrumentId: instrument.id }} maxBytes={env().MATERIAL_MAX_BYTES} />
        </section>
        <section aria-labelledby="material-form-heading">
          <h3 id="material-form-heading">{t("materials.linkHeading")}</h3>
          <MaterialForm action={submitInstrumentMaterial} owner={{ name: "instrumentId", value: instrument.id }} />
        </section>
      </section>
    </>
  );
}
