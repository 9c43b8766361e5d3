"use client";
import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("common.error");
  return (
    <div role="alert">
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <button type="button" className="button" onClick={reset}>
        {t("retry")}
      </button>
    </div>
  );
}
