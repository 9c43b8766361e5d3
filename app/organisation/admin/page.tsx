import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import { assertAdmin } from "@/lib/auth/authorisation";
import { organiserRead } from "@/lib/auth/organiser-action";
import { AdminNav } from "./_components/admin-nav";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title") };
}

const sections = [
  { key: "programmes", href: "/organisation/admin/programme" },
  { key: "users", href: "/organisation/admin/benutzer" },
  { key: "export", href: "/organisation/export" },
  { key: "audit", href: "/organisation/admin/protokoll" },
  { key: "privacy", href: "/organisation/admin/auskunft" },
  { key: "certificates", href: "/organisation/admin/bescheinigung" },
] as const;

export default async function AdminPage() {
  await organiserRead(async (actor) => assertAdmin(actor), "/organisation/admin");
  const t = await getTranslations("admin");
  return (
    <>
      <AdminNav current="overview" />
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <dl className="facts">
        {sections.map((section) => (
          <Fragment key={section.key}>
            <dt>
              <Link href={section.href}>{t(`nav.${section.key}`)}</Link>
            </dt>
            <dd>{t(`overview.${section.key}`)}</dd>
          </Fragment>
        ))}
      </dl>
    </>
  );
}
