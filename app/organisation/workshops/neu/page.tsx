import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { WorkshopForm } from "@/components/organiser-workshop-form";
import { requireUser } from "@/lib/auth/current-user";
import { submitNewWorkshop } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiser.workshopForm");
  return { title: t("createTitle") };
}

export default async function NewWorkshopPage() {
  await requireUser("/organisation/workshops/neu");
  const t = await getTranslations("organiser");
  return (
    <>
      <p>
        <Link href="/organisation/workshops">{t("workshops.backToList")}</Link>
      </p>
      <h1>{t("workshopForm.createTitle")}</h1>
      <p>{t("workshopForm.createdHint")}</p>
      <WorkshopForm action={submitNewWorkshop} mode="create" />
    </>
  );
}
