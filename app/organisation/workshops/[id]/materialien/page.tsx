import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { OrganiserFlash } from "@/components/organiser-flash";
import { MaterialForm } from "@/components/organiser-material-form";
import { organiserRead } from "@/lib/auth/organiser-action";
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
      {workshop.materials.length === 0 ? (
        <p>{t("materials.empty")}</p>
      ) : (
        <ul className="org-material-list">
          {workshop.materials.map((material) => (
            <li key={material.id}>
              {material.url ? <a href={material.url}>{material.title}</a> : <a href={`/materials/${material.id}`}>{material.title}</a>}
              {material.fileName ? <span className="meta"> · {t("materials.file", { name: material.fileName })}</span> : null}
              <details className="org-confirm">
                <summary>
                  {t("materials.remove")}
                  <span className="visually-hidden"> ({material.title})</span>
                </summary>
                <form action={submitMaterialRemoval}>
                  <input type="hidden" name="workshopId" value={workshop.id} />
                  <input type="hidden" name="materialId" value={material.id} />
                  <button type="submit" className="button button--danger button--small">
                    {t("materials.removeConfirm", { title: material.title })}
                  </button>
                </form>
              </details>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="material-form-heading">
        <h2 id="material-form-heading">{t("materials.addHeading")}</h2>
        {workshop.actorMayAddMaterial ? <MaterialForm action={submitMaterial} workshopId={workshop.id} /> : <p className="notice">{t("materials.addByAdmin")}</p>}
      </section>
    </>
  );
}
