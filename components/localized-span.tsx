import type { LocalizedText } from "@/lib/i18n/localized-text";

/**
 * A content text inside a sentence of the interface (the workshop's title in
 * "… the workshop “…” …"): marked lang="de" where German stands on an English
 * page (docs/decisions/0032). For `t.rich`: `{ workshop: () => <LocalizedSpan value={title} /> }`.
 */
export function LocalizedSpan({ value }: { value: LocalizedText }) {
  return <span lang={value.lang}>{value.text}</span>;
}
