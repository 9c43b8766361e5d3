// Translations outside React (emails, calendar files, exports, server results).
// From next-intl's own core package: no React import, so scripts and workers
// that run with the react-server condition can use it too.
import { createTranslator } from "use-intl/core";
import { catalogues, type Locale, type Messages } from "./catalogue";

export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: catalogues[locale], namespace });
}
