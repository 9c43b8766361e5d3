import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SIGN_IN_LINK_MINUTES } from "@/lib/admin/sign-in-link";
import { usesBuiltInMailbox } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.checkEmail");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Shown after every sign-in request, whether or not the address has access. */
export default async function CheckEmailPage() {
  const t = await getTranslations("auth.checkEmail");
  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      <p className="lead" role="status">
        {t("text", { minutes: SIGN_IN_LINK_MINUTES })}
      </p>
      {usesBuiltInMailbox() ? (
        <p className="notice">
          <Link href="/postfach">{t("mailbox")}</Link>
        </p>
      ) : null}
      <p>{t("spam")}</p>
      <p>
        <Link href="/anmelden">{t("again")}</Link>
      </p>
    </div>
  );
}
