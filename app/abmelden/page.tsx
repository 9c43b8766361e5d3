import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignOutForm } from "@/components/sign-out-form";
import { hasSessionCookie, readCsrfToken } from "@/lib/auth/csrf";
import { getCurrentUser } from "@/lib/auth/current-user";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signOut");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * Sign-out confirmation; next-auth's /api/auth/signout sets the CSRF cookie
 * and sends people here (with a callbackUrl, which stops a second round trip
 * when the browser keeps no cookies). A browser whose session cookie names no
 * live session (ended, deactivated, made up) gets the same sign-out button to
 * clear it, and always a way back to the sign-in page.
 */
export default async function SignOutPage({ searchParams }: Props) {
  const t = await getTranslations("auth.signOut");
  const user = await getCurrentUser();
  const staleCookie = !user && (await hasSessionCookie());
  const csrfToken = user || staleCookie ? await readCsrfToken() : null;
  if ((user || staleCookie) && !csrfToken && (await searchParams).callbackUrl === undefined) redirect("/api/auth/signout");
  if (user) {
    return (
      <div className="narrow">
        <h1>{t("title")}</h1>
        <p>{t("text")}</p>
        {csrfToken ? <SignOutForm csrfToken={csrfToken} label={t("submit")} /> : null}
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p role="status">{t("signedOut")}</p>
      {staleCookie && csrfToken ? (
        <>
          <p>{t("staleSession")}</p>
          <SignOutForm csrfToken={csrfToken} label={t("clear")} />
        </>
      ) : null}
      <p>
        <Link href="/anmelden">{t("signInAgain")}</Link>
      </p>
    </div>
  );
}
