import { getTranslations } from "next-intl/server";

export async function SiteFooter({ imprintUrl, privacyUrl, contactEmail }: { imprintUrl: string; privacyUrl: string; contactEmail: string | null }) {
  const t = await getTranslations("common");
  return (
    <footer className="site-footer">
      <nav aria-label={t("footerLabel")} className="container site-footer__inner">
        <ul>
          <li>
            <a href={imprintUrl}>{t("imprint")}</a>
          </li>
          <li>
            <a href={privacyUrl}>{t("privacy")}</a>
          </li>
          {contactEmail ? (
            <li>
              <a href={`mailto:${contactEmail}`}>
                {t("contact")}: {contactEmail}
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
    </footer>
  );
}
