import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { organiserRead } from "@/lib/auth/organiser-action";
import { readFlash } from "@/lib/organiser/flash";
import { listProgrammes } from "@/lib/programmes/admin-queries";
import { AdminFlash } from "../_components/admin-flash";
import { AdminNav } from "../_components/admin-nav";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.programmes");
  return { title: t("title") };
}

export default async function ProgrammesPage({ searchParams }: Props) {
  const path = "/organisation/admin/programme";
  const [programmes, query] = await Promise.all([organiserRead((actor) => listProgrammes(actor), path), searchParams]);
  const t = await getTranslations("admin.programmes");
  return (
    <>
      <AdminNav current="programmes" />
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <AdminFlash flash={readFlash(query)} />
      <p>
        <Link href={`${path}/neu`} className="button">
          {t("new")}
        </Link>
      </p>
      {programmes.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="org-table" role="region" aria-label={t("caption")} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.shown")}</th>
                <th scope="col">{t("columns.workshops")}</th>
                <th scope="col">{t("columns.privacy")}</th>
              </tr>
            </thead>
            <tbody>
              {programmes.map((programme) => (
                <tr key={programme.id}>
                  <th scope="row">
                    <Link href={`${path}/${programme.id}`} aria-label={t("editLabel", { name: programme.name })}>
                      {programme.name}
                    </Link>
                  </th>
                  <td>{programme.shown ? t("shown") : t("notShown")}</td>
                  <td>{programme.workshopCount}</td>
                  <td>{programme.privacyNoticeVersion === null ? t("noPrivacy") : t("privacyVersion", { version: programme.privacyNoticeVersion })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
