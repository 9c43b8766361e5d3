// Translations outside React (emails, calendar files, exports, server results).
// From next-intl's own core package: no React import, so scripts and workers
// that run with the react-server condition can use it too.
import { createTranslator } from "use-intl/core";
import { catalogues, type Locale, type Messages } from "./catalogue";

type Translator<N extends keyof Messages> = ReturnType<typeof createTranslator<Messages, N>>;

// One translator per language and namespace for the life of the process: each
// keeps the messages it has parsed, which would otherwise be parsed anew for
// every email and every line of an export.
const translators = new Map<string, unknown>();

export function translator<N extends keyof Messages>(locale: Locale, namespace: N): Translator<N> {
  const key = `${locale}:${namespace}`;
  let cached = translators.get(key) as Translator<N> | undefined;
  if (!cached) {
    cached = createTranslator({ locale, messages: catalogues[locale], namespace });
    translators.set(key, cached);
  }
  return cached;
}
