import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { localizedText } from "@/lib/i18n/localized-text";
import { getCurrentPrivacyNotice, getCurrentProgramme } from "@/lib/programmes/queries";
import { formatShortDate } from "@/lib/time/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.privacyPage"))("title") };
}

export default async function PrivacyPage() {
  const t = await getTranslations("common");
  const locale = await getLocale();
  const programme = await getCurrentProgramme();
  const notice = programme ? await getCurrentPrivacyNotice(programme.id) : null;
  if (!notice) return <p>{t("notConfigured")}</p>;
  // The English version where an administrator wrote one; else the German text, marked as German.
  const text = localizedText(locale, notice.text, notice.textEn);
  const [title, ...paragraphs] = text.text.split("\n").filter(Boolean);
  return (
    <article>
      <h1 lang={title ? text.lang : undefined}>{title ?? t("privacyPage.title")}</h1>
      <p className="meta">{t("privacyPage.version", { version: notice.version, date: formatShortDate(notice.publishedAt, "Europe/Berlin", locale) })}</p>
      {paragraphs.map((paragraph) => (
        <p key={paragraph} lang={text.lang}>
          {paragraph}
        </p>
      ))}
    </article>
  );
}
