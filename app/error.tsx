"use client";
import de from "@/lib/i18n/messages/de/common.json";
import en from "@/lib/i18n/messages/en/common.json";

// Without next-intl's client provider: the public pages ship no translation
// runtime for this one box. The language is the one the page was rendered in.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = (typeof document !== "undefined" && document.documentElement.lang === "en" ? en : de).error;
  return (
    <div role="alert">
      <h1>{t.title}</h1>
      <p>{t.text}</p>
      <button type="button" className="button" onClick={reset}>
        {t.retry}
      </button>
    </div>
  );
}
