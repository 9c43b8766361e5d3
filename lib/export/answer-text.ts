// A stored answer to a custom question as the text of an export cell. Pure.
import type { Locale } from "@/lib/i18n/catalogue";

export type ChoiceOption = { value: string; labelDe: string; labelEn: string };

/**
 * Choices show their option labels in `locale` (an option removed since keeps
 * its stored value), several choices joined with ", "; a checkbox answer is
 * the locale's yes/no word; anything else its text. No answer: null.
 */
export function answerText(value: unknown, options: ChoiceOption[], locale: Locale, words: { yes: string; no: string }): string | null {
  const label = (chosen: string) => {
    const option = options.find((candidate) => candidate.value === chosen);
    return option ? (locale === "en" ? option.labelEn || option.labelDe : option.labelDe) : chosen;
  };
  if (value === null || value === undefined || value === "") return null;
  if (Array.isArray(value)) return value.length === 0 ? null : value.map((entry) => label(String(entry))).join(", ");
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (typeof value === "string") return label(value);
  if (typeof value === "number") return String(value);
  return null;
}

export function choiceOptions(stored: unknown): ChoiceOption[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (option): option is ChoiceOption =>
      typeof option === "object" &&
      option !== null &&
      typeof (option as ChoiceOption).value === "string" &&
      typeof (option as ChoiceOption).labelDe === "string",
  );
}
