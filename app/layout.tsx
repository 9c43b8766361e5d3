import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { env } from "@/lib/env";
import { localizedText } from "@/lib/i18n/localized-text";
import { getCurrentProgramme } from "@/lib/programmes/queries";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const programme = await getCurrentProgramme();
  const t = await getTranslations("common");
  const locale = await getLocale();
  const name = programme ? localizedText(locale, programme.name, programme.nameEn).text : t("siteTitle");
  return {
    title: { default: name, template: `%s – ${name}` },
    description: programme ? localizedText(locale, programme.description, programme.descriptionEn).text.split("\n")[0] : undefined,
    robots: { index: true, follow: true },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  const programme = await getCurrentProgramme();
  const { IMPRINT_URL, PRIVACY_URL } = env();
  // No client-side translations here: the public pages render their texts on
  // the server. The client components that translate get their own provider
  // with only their texts (the registration form's page, the organiser area).
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {t("skipLink")}
        </a>
        <SiteHeader programmeName={programme ? localizedText(locale, programme.name, programme.nameEn) : null} />
        <main id="main" tabIndex={-1} className="container">
          {children}
        </main>
        <SiteFooter
          imprintUrl={programme?.imprint ? "/impressum" : (IMPRINT_URL ?? "/impressum")}
          privacyUrl={PRIVACY_URL ?? "/datenschutz"}
          contactEmail={programme?.contactEmail ?? null}
        />
      </body>
    </html>
  );
}
