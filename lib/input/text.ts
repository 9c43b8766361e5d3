// The one set of rules for text people type: every text field of every form
// and the JSON API goes through these. Pure; no server imports.
//
// Two kinds of character cannot be stored and used to reach the database as
// 500s: NUL (PostgreSQL refuses U+0000 in text and in jsonb) and half of a
// UTF-16 surrogate pair without its other half (not Unicode text at all: it
// has no UTF-8 form, so the driver's bytes or the jsonb parser fail). A field
// holding one is refused with the error key "invalidCharacters"; a search
// drops them instead (nothing stored can contain them).
//
// Error messages are catalogue keys, present in "registration.errors" and
// "organiser.errors".
import { z } from "zod";

/** Characters a text must not hold: NUL and a lone half of a surrogate pair. */
export const unstorableText = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const unstorableEverywhere = new RegExp(unstorableText.source, "g");

/** Whether the text can be stored and sent as it is (no NUL, no lone surrogate). */
export function isStorableText(value: string): boolean {
  return !unstorableText.test(value);
}

/** The text without the characters that cannot be stored: for search terms, which are never stored. */
export function storableText(value: string): string {
  return value.replace(unstorableEverywhere, "");
}

const storable = z.string().refine(isStorableText, { error: "invalidCharacters" });

/** A text that must be given, trimmed, at most `max` characters. */
export const requiredText = (max: number) =>
  z
    .string({ error: "required" })
    .pipe(storable)
    .transform((value) => value.trim())
    .pipe(z.string().min(1, { error: "required" }).max(max, { error: "tooLong" }));

/** A text that may be left empty (absent becomes ""), trimmed, at most `max` characters. */
export const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((value) => value ?? "")
    .pipe(storable)
    .transform((value) => value.trim())
    .pipe(z.string().max(max, { error: "tooLong" }));

/** A text that may be left empty, which is then stored as null (an English version not written, an imprint not given). */
export const nullableText = (max: number) => optionalText(max).transform((value) => value || null);

/** A textarea with one entry per line, in order; blank lines dropped. */
export const lines = (maxLines: number, maxEach: number) =>
  optionalText(Number.MAX_SAFE_INTEGER)
    .transform((value) =>
      value
        .split(/\r\n?|\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(maxEach, { error: "lineTooLong" })).max(maxLines, { error: "tooManyLines" }));

/** Any other string field (a web address, a search term kept as typed): refused when it holds what cannot be stored. */
export const storableString = storable;

/**
 * A search term for Prisma's `contains`, which becomes `LIKE '%term%'` in
 * PostgreSQL without escaping: "%" and "_" in the term would match anything.
 * Backslash is PostgreSQL's LIKE escape character, so it is escaped first.
 */
export function likeLiteral(term: string): string {
  return term.replace(/[\\%_]/g, (character) => `\\${character}`);
}
