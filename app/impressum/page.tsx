import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { localizedText } from "@/lib/i18n/localized-text";
import { getCurrentProgramme } from "@/lib/programmes/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.imprintPage"))("title") };
}

// The programme's own imprint where an administrator wrote one; otherwise a
// short generated one (reached only while IMPRINT_URL is not configured).
export default async function ImprintPage() {
  const t = await getTranslations("common");
  const locale = await getLocale();
  const programme = await getCurrentProgramme();
  if (programme?.imprint) {
    const imprint = localizedText(locale, programme.imprint, programme.imprintEn);
    return (
      <article>
        <h1>{t("imprintPage.title")}</h1>
        <div lang={imprint.lang}>
          {imprint.text
            .split(/\n{2,}/)
            .filter(Boolean)
            .map((paragraph) => (
              <p key={paragraph} className="preserve-lines">
                {paragraph}
              </p>
            ))}
        </div>
      </article>
    );
  }
  return (
    <article>
      <h1>{t("imprintPage.title")}</h1>
      {programme ? (
        <>
          <p>{t("imprintPage.text", { programme: localizedText(locale, programme.name, programme.nameEn).text })}</p>
          <p>
            <a href={`mailto:${programme.contactEmail}`}>{t("imprintPage.contact", { email: programme.contactEmail })}</a>
          </p>
        </>
      ) : (
        <p>{t("notConfigured")}</p>
      )}
    </article>
  );
}
