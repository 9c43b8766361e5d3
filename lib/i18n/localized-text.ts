// Which version of a content text (a workshop's title, a programme's
// introduction) a reader gets: the English one on English pages when an
// organiser wrote it, otherwise the German one. A German text on an English
// page carries lang="de", so screen readers pronounce it as German
// (docs/decisions/0032). Pure; no server imports.
import type { Locale } from "./catalogue";

/** `lang` is set only when the text's language differs from the page's: put it straight on the element. */
export type LocalizedText = { text: string; lang?: "de" };

export function localizedText(locale: Locale | string, german: string, english: string | null | undefined): LocalizedText {
  if (locale !== "en") return { text: german };
  const translated = english?.trim();
  if (translated) return { text: translated };
  return german ? { text: german, lang: "de" } : { text: german };
}

/** A list (guiding questions) as a whole: the English list when there is one, else the German list marked lang="de". */
export function localizedList(locale: Locale | string, german: string[], english: string[] | null | undefined): { items: string[]; lang?: "de" } {
  if (locale !== "en") return { items: german };
  if (english && english.length > 0) return { items: english };
  return german.length > 0 ? { items: german, lang: "de" } : { items: german };
}
