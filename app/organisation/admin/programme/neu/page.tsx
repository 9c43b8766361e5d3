import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ProgrammeForm } from "@/components/admin-programme-form";
import { assertAdmin } from "@/lib/auth/authorisation";
import { organiserRead } from "@/lib/auth/organiser-action";
import { AdminNav } from "../../_components/admin-nav";
import { submitProgramme } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.programmes");
  return { title: t("createTitle") };
}

export default async function NewProgrammePage() {
  await organiserRead(async (actor) => assertAdmin(actor), "/organisation/admin/programme/neu");
  const t = await getTranslations("admin.programmes");
  return (
    <>
      <AdminNav current="programmes" />
      <p>
        <Link href="/organisation/admin/programme">{t("back")}</Link>
      </p>
      <h1>{t("createTitle")}</h1>
      <ProgrammeForm action={submitProgramme} initialValues={{ retentionDays: "180" }} />
    </>
  );
}
