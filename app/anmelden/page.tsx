import type { Metadata, Route } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ErrorSummary, TextField } from "@/components/form-fields";
import { readCsrfToken, safeCallbackPath } from "@/lib/auth/csrf";
import { getCurrentUser } from "@/lib/auth/current-user";
import { softHyphenLabel } from "@/lib/i18n/soft-hyphens";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

const knownErrors = ["EmailSignin", "Verification", "AccessDenied", "SessionRequired"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * A plain form posting to next-auth's email sign-in, so it works without
 * JavaScript. next-auth checks a double-submit CSRF cookie that it sets
 * itself on /api/auth/signin (which redirects back here); a visitor who
 * arrives without that cookie takes that one round trip first.
 */
export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  // A path on this site, checked at run time (safeCallbackPath); which page it is, only the visitor knows.
  if (await getCurrentUser()) redirect(target as Route);
  const csrfToken = await readCsrfToken();
  if (!csrfToken && error !== "Cookies") redirect(`/api/auth/signin?callbackUrl=${encodeURIComponent(target)}&error=Cookies`);

  const t = await getTranslations("auth.signIn");
  const problem =
    error && error !== "Cookies" ? ((knownErrors as readonly string[]).includes(error) ? (error as (typeof knownErrors)[number]) : "Default") : null;
  const fieldError = problem === "EmailSignin" ? t("errors.EmailSignin") : undefined;

  return (
    <div className="narrow">
      <h1 {...softHyphenLabel(t("heading"))}>{t("heading")}</h1>
      <p className="lead">{t("intro")}</p>
      {!csrfToken ? (
        <p className="notice notice--error" role="alert">
          {t("cookiesNeeded")}
        </p>
      ) : (
        <form method="post" action="/api/auth/signin/email" className="org-form">
          {fieldError ? <ErrorSummary title={t("errorSummary")} errors={[{ name: "email", message: fieldError }]} /> : null}
          {problem && !fieldError ? (
            <div className="notice notice--error" role="alert" tabIndex={-1} autoFocus>
              <p>{t(`errors.${problem}`)}</p>
            </div>
          ) : null}
          <input type="hidden" name="csrfToken" value={csrfToken} />
          <input type="hidden" name="callbackUrl" value={target} />
          <TextField name="email" type="email" label={t("email")} hint={t("emailHint")} required autoComplete="email" maxLength={254} error={fieldError} />
          <button type="submit" className="button">
            {t("submit")}
          </button>
        </form>
      )}
      <p className="meta">{t("noAccount")}</p>
    </div>
  );
}
