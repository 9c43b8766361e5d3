import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluation");
  return { title: t("thanks.title"), robots: { index: false } };
}

export default async function EvaluationThanksPage() {
  const t = await getTranslations("evaluation");
  return (
    <>
      <h1>{t("thanks.title")}</h1>
      <p>{t("thanks.text")}</p>
    </>
  );
}
