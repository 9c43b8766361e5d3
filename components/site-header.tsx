import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { LocalizedText } from "@/lib/i18n/localized-text";
import { LanguageSwitch } from "./language-switch";

export async function SiteHeader({ programmeName }: { programmeName: LocalizedText | null }) {
  const t = await getTranslations("common");
  const locale = await getLocale();
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <p className="site-header__title">
          <Link href="/" lang={programmeName?.lang}>
            {programmeName?.text ?? t("siteTitle")}
          </Link>
        </p>
        <LanguageSwitch current={locale} />
      </div>
    </header>
  );
}
