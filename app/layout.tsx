import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { env } from "@/lib/env";
import { getCurrentProgramme } from "@/lib/programmes/queries";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const programme = await getCurrentProgramme();
  const t = await getTranslations("common");
  const name = programme?.name ?? t("siteTitle");
  return {
    title: { default: name, template: `%s – ${name}` },
    description: programme?.description.split("\n")[0],
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
        <SiteHeader programmeName={programme?.name ?? null} />
        <main id="main" tabIndex={-1} className="container">
          {children}
        </main>
        <SiteFooter imprintUrl={IMPRINT_URL ?? "/impressum"} privacyUrl={PRIVACY_URL ?? "/datenschutz"} contactEmail={programme?.contactEmail ?? null} />
      </body>
    </html>
  );
}
