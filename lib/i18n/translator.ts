// Translations outside React (emails, calendar files, exports, server results).
import { createTranslator } from "next-intl";
import { catalogues, type Locale, type Messages } from "./catalogue";

export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: catalogues[locale], namespace });
}
