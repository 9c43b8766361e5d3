import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { assertAdmin } from "@/lib/auth/authorisation";
import { organiserRead } from "@/lib/auth/organiser-action";
import { AdminNav } from "../_components/admin-nav";
import { handleDataSubjectRequest } from "./actions";
import { DataSubjectForm } from "./data-subject-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("privacy.subject");
  return { title: t("title") };
}

export default async function DataSubjectPage() {
  await organiserRead(async (actor) => assertAdmin(actor), "/organisation/admin/auskunft");
  const t = await getTranslations("privacy.subject");
  return (
    <>
      <AdminNav current="privacy" />
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <DataSubjectForm action={handleDataSubjectRequest} downloadPath="/organisation/admin/auskunft/herunterladen" />
    </>
  );
}
