import { getTranslations } from "next-intl/server";

/** The same page for every wrong, old or guessed link: it reveals nothing. */
export async function ManageNeutral({ contactEmail, rateLimited }: { contactEmail: string | null; rateLimited?: boolean }) {
  const t = await getTranslations("manage");
  return (
    <>
      <h1>{t("neutralTitle")}</h1>
      <p>{rateLimited ? t("errors.rate-limited") : contactEmail ? t("neutralText", { email: contactEmail }) : t("neutralTextNoContact")}</p>
    </>
  );
}
