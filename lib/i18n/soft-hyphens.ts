// German compounds in catalogue headings carry soft hyphens (U+00AD) so that
// a phone breaks them with a hyphen (docs/decisions/0035). Chromium keeps the
// soft hyphen in the accessible name, so such a heading gets its name without
// them. Pure.

const SOFT_HYPHEN = "\u00ad";

/** The text as a screen reader should get it: the words whole. */
export function withoutSoftHyphens(text: string): string {
  return text.replaceAll(SOFT_HYPHEN, "");
}

/** `aria-label` for an element whose text has soft hyphens; nothing where it has none. */
export function softHyphenLabel(text: string): { "aria-label"?: string } {
  return text.includes(SOFT_HYPHEN) ? { "aria-label": withoutSoftHyphens(text) } : {};
}
