import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { SignOutForm } from "@/components/sign-out-form";
import { readCsrfToken } from "@/lib/auth/csrf";
import { requireUser } from "@/lib/auth/current-user";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiser");
  return { title: { default: t("area"), template: `%s – ${t("area")}` }, robots: { index: false, follow: false } };
}

export default async function OrganiserLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations("organiser.nav");
  const csrfToken = await readCsrfToken();
  const messages = await getMessages();
  const { common, registration, organiser, admin, privacy } = messages;
  return (
    <div className="org">
      <nav className="org-nav" aria-label={t("label")}>
        <ul className="org-nav__links">
          <li>
            <Link href="/organisation">{t("dashboard")}</Link>
          </li>
          <li>
            <Link href="/organisation/workshops">{t("workshops")}</Link>
          </li>
          <li>
            <Link href="/organisation/instrumente">{t("instruments")}</Link>
          </li>
          <li>
            <Link href="/organisation/einbetten">{t("embed")}</Link>
          </li>
          <li>
            <Link href={user.role === "ADMIN" ? "/organisation/admin" : "/organisation/export"}>
              {(await getTranslations("admin.areaLink"))(user.role === "ADMIN" ? "admin" : "export")}
            </Link>
          </li>
        </ul>
        <div className="org-nav__user">
          <span>
            {t("signedInAs", { email: user.email })} ({t(`roles.${user.role}`)})
          </span>
          {csrfToken ? (
            <SignOutForm csrfToken={csrfToken} label={t("signOut")} className="button button--quiet button--small" />
          ) : (
            <Link href="/abmelden">{t("signOut")}</Link>
          )}
        </div>
      </nav>
      <NextIntlClientProvider messages={{ common, registration, organiser, admin, privacy, export: messages.export }}>{children}</NextIntlClientProvider>
    </div>
  );
}
