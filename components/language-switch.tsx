import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/catalogue";
import { ReturnToField } from "./return-to-field";

/** A plain form: switching language works without JavaScript. */
export async function LanguageSwitch({ current }: { current: Locale }) {
  const t = await getTranslations("common.language");
  const target: Locale = current === "de" ? "en" : "de";
  return (
    <form method="post" action="/sprache" className="language-switch">
      <input type="hidden" name="locale" value={target} />
      <ReturnToField />
      <button type="submit" lang={target} aria-label={t("switchToLabel")} className="button button--quiet">
        {t("switchTo")}
      </button>
    </form>
  );
}
