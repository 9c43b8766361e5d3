import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ProgrammeForm } from "@/components/admin-programme-form";
import { organiserRead } from "@/lib/auth/organiser-action";
import { readFlash } from "@/lib/organiser/flash";
import { getProgrammeForEditing } from "@/lib/programmes/admin-queries";
import { formatShortDate } from "@/lib/time/format";
import { AdminFlash } from "../../_components/admin-flash";
import { AdminNav } from "../../_components/admin-nav";
import { submitProgramme } from "../actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const programme = await organiserRead(async (actor) => getProgrammeForEditing(actor, (await params).id));
  const t = await getTranslations("admin.programmes");
  return { title: t("editTitle", { name: programme.name }) };
}

export default async function EditProgrammePage({ params, searchParams }: Props) {
  const { id } = await params;
  const [programme, query] = await Promise.all([
    organiserRead((actor) => getProgrammeForEditing(actor, id), `/organisation/admin/programme/${id}`),
    searchParams,
  ]);
  const t = await getTranslations("admin.programmes");
  const locale = await getLocale();
  const notice = programme.privacyNotice;
  return (
    <>
      <AdminNav current="programmes" />
      <p>
        <Link href="/organisation/admin/programme">{t("back")}</Link>
      </p>
      <h1>{t("editTitle", { name: programme.name })}</h1>
      <AdminFlash flash={readFlash(query)} />
      <p>
        <Link href={`/organisation/admin/programme/${programme.id}/bewertungsbogen`}>{t("editQuestionnaire")}</Link>
      </p>
      <ProgrammeForm
        action={submitProgramme}
        programmeId={programme.id}
        noticeVersion={notice?.version}
        currentVersion={
          notice ? t("form.currentVersion", { version: notice.version, date: formatShortDate(notice.publishedAt, "Europe/Berlin", locale) }) : undefined
        }
        initialValues={{
          name: programme.name,
          nameEn: programme.nameEn ?? "",
          slug: programme.slug,
          description: programme.description,
          descriptionEn: programme.descriptionEn ?? "",
          contactEmail: programme.contactEmail,
          imprint: programme.imprint ?? "",
          imprintEn: programme.imprintEn ?? "",
          privacyNotice: notice?.text ?? "",
          privacyNoticeEn: notice?.textEn ?? "",
          retentionDays: String(programme.retentionDays),
          shownOnHome: programme.shown ? "on" : "",
        }}
      />
    </>
  );
}
