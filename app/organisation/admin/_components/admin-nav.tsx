import Link from "next/link";
import { getTranslations } from "next-intl/server";

const sections = [
  { key: "overview", href: "/organisation/admin" },
  { key: "programmes", href: "/organisation/admin/programme" },
  { key: "users", href: "/organisation/admin/benutzer" },
  { key: "export", href: "/organisation/export" },
  { key: "audit", href: "/organisation/admin/protokoll" },
  { key: "privacy", href: "/organisation/admin/auskunft" },
  { key: "certificates", href: "/organisation/admin/bescheinigung" },
] as const;

export type AdminSection = (typeof sections)[number]["key"];

/** The administrators' pages, under the organiser navigation; the current one is marked for screen readers too. */
export async function AdminNav({ current }: { current: AdminSection }) {
  const t = await getTranslations("admin.nav");
  return (
    <nav aria-label={t("label")} className="no-print">
      <ul className="org-links">
        {sections.map((section) => (
          <li key={section.key}>
            <Link href={section.href} aria-current={section.key === current ? "page" : undefined}>
              {t(section.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
