import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { organiserRead } from "@/lib/auth/organiser-action";
import { listManagedWorkshops } from "@/lib/workshops/organiser-queries";
import { ScrollRegion } from "@/components/scroll-region";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiser.workshops");
  return { title: t("title") };
}

export default async function WorkshopsPage() {
  const workshops = await organiserRead((actor) => listManagedWorkshops(actor), "/organisation/workshops");
  const t = await getTranslations("organiser.workshops");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p>
        <Link href="/organisation/workshops/neu" className="button">
          {t("new")}
        </Link>
      </p>
      {workshops.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ScrollRegion label={t("caption")}>
          <table>
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.title")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.upcoming")}</th>
              </tr>
            </thead>
            <tbody>
              {workshops.map((workshop) => (
                <tr key={workshop.id}>
                  <td>
                    <Link href={`/organisation/workshops/${workshop.id}`}>{workshop.title}</Link>
                  </td>
                  <td>{workshop.published ? t("published") : t("draft")}</td>
                  <td>{workshop.upcomingSessions}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
