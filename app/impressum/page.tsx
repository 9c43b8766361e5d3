import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getCurrentProgramme } from "@/lib/programmes/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("common.imprintPage"))("title") };
}

// Shown only while IMPRINT_URL is not configured.
export default async function ImprintPage() {
  const t = await getTranslations("common");
  const programme = await getCurrentProgramme();
  return (
    <article>
      <h1>{t("imprintPage.title")}</h1>
      {programme ? (
        <>
          <p>{t("imprintPage.text", { programme: programme.name })}</p>
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
