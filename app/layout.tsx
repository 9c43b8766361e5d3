import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
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
  // Client components get only the texts they use, not the whole catalogue
  // (emails, organiser area): it is serialised into every page. The
  // registration form's texts come with the form (its page adds them).
  const messages = await getMessages();
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {t("skipLink")}
        </a>
        <SiteHeader programmeName={programme?.name ?? null} />
        <main id="main" tabIndex={-1} className="container">
          <NextIntlClientProvider messages={{ common: messages.common }}>{children}</NextIntlClientProvider>
        </main>
        <SiteFooter imprintUrl={IMPRINT_URL ?? "/impressum"} privacyUrl={PRIVACY_URL ?? "/datenschutz"} contactEmail={programme?.contactEmail ?? null} />
      </body>
    </html>
  );
}
