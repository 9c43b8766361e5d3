import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { safeCallbackPath } from "@/lib/auth/csrf";
import { emailCallbackAction, readSignInLinkParams } from "@/lib/auth/sign-in-link-page";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signInLink");
  // The address bar holds the one-time token: no Referer carries it anywhere.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/**
 * Where a sign-in link from a mail leads. Opening it (as mail scanners do)
 * spends nothing; only the button's POST reaches next-auth's callback and
 * signs in (docs/decisions/0013). A plain form: works without JavaScript.
 */
export default async function SignInLinkPage({ searchParams }: Props) {
  const t = await getTranslations("auth.signInLink");
  const params = readSignInLinkParams(await searchParams);
  if (!params) {
    return (
      <div className="narrow">
        <h1>{t("title")}</h1>
        <p className="notice notice--error" role="alert">
          {t("incomplete")}
        </p>
        <p>
          <Link href="/anmelden">{t("again")}</Link>
        </p>
      </div>
    );
  }
  const action = emailCallbackAction({ ...params, callbackUrl: safeCallbackPath(params.callbackUrl) });
  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("text", { email: params.email })}</p>
      <form method="post" action={action} className="org-form">
        <button type="submit" className="button">
          {t("submit")}
        </button>
      </form>
      <p className="meta">{t("why")}</p>
    </div>
  );
}
