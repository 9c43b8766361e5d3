import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OrganiserFlash } from "@/components/organiser-flash";
import { MaterialForm } from "@/components/organiser-material-form";
import { OrganiserMaterialList } from "@/components/organiser-material-list";
import { MaterialUploadForm } from "@/components/organiser-material-upload-form";
import { organiserRead } from "@/lib/auth/organiser-action";
import { env } from "@/lib/env";
import { readFlash } from "@/lib/organiser/flash";
import { getWorkshopForEditing } from "@/lib/workshops/organiser-queries";
import { submitMaterial, submitMaterialRemoval } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const workshop = await organiserRead(async (actor) => getWorkshopForEditing(actor, (await params).id));
  const t = await getTranslations("organiser.materials");
  return { title: t("title", { workshop: workshop.title }) };
}

export default async function MaterialsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const workshop = await organiserRead((actor) => getWorkshopForEditing(actor, id), `/organisation/workshops/${id}/materialien`);
  const t = await getTranslations("organiser");
  return (
    <>
      <p>
        <Link href={`/organisation/workshops/${workshop.id}`}>{t("workshops.back")}</Link>
      </p>
      <h1>{t("materials.title", { workshop: workshop.title })}</h1>
      <OrganiserFlash flash={readFlash(await searchParams)} />
      <p>{t("materials.intro")}</p>
      <OrganiserMaterialList materials={workshop.materials} removeAction={submitMaterialRemoval} hiddenFields={{ workshopId: workshop.id }} />
      <p>
        <a href="/organisation/materialien/downloads.csv">{t("materials.countsLink")}</a>
      </p>
      <section aria-labelledby="material-upload-heading">
        <h2 id="material-upload-heading">{t("materials.uploadHeading")}</h2>
        <MaterialUploadForm owner={{ workshopId: workshop.id }} maxBytes={env().MATERIAL_MAX_BYTES} />
      </section>
      <section aria-labelledby="material-form-heading">
        <h2 id="material-form-heading">{t("materials.linkHeading")}</h2>
        {workshop.actorMayAddMaterial ? (
          <MaterialForm action={submitMaterial} owner={{ name: "workshopId", value: workshop.id }} />
        ) : (
          <p className="notice">{t("materials.addByAdmin")}</p>
        )}
      </section>
    </>
  );
}
