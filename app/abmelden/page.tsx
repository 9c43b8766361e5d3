import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignOutForm } from "@/components/sign-out-form";
import { readCsrfToken } from "@/lib/auth/csrf";
import { getCurrentUser } from "@/lib/auth/current-user";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signOut");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Sign-out confirmation; next-auth's /api/auth/signout sets the CSRF cookie and sends people here. */
export default async function SignOutPage() {
  const t = await getTranslations("auth.signOut");
  if (!(await getCurrentUser())) {
    return (
      <div className="narrow">
        <h1>{t("title")}</h1>
        <p role="status">{t("signedOut")}</p>
      </div>
    );
  }
  const csrfToken = await readCsrfToken();
  if (!csrfToken) redirect("/api/auth/signout");
  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <SignOutForm csrfToken={csrfToken} label={t("submit")} />
    </div>
  );
}
