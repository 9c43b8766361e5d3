// Field rules shared by the organiser forms' schemas. Pure; error messages
// are catalogue keys (namespace "organiser.errors"). Free text fields use
// lib/input/text.ts, as every form does.
import { z } from "zod";
import { storableString } from "../input/text";

/** An HTML checkbox: present ("on") or absent. */
export const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true" || value === "1");

/** A web address people can open (http or https), or nothing. */
export const optionalWebUrl = z
  .string()
  .optional()
  .transform((value) => value ?? "")
  .pipe(storableString)
  .transform((value) => value.trim())
  .pipe(z.union([z.literal("").transform(() => null), z.url({ protocol: /^https?$/, error: "url" }).max(2000, { error: "tooLong" })]));

export const webUrl = z
  .string({ error: "required" })
  .pipe(storableString)
  .transform((value) => value.trim())
  .pipe(
    z
      .string()
      .min(1, { error: "required" })
      .pipe(z.url({ protocol: /^https?$/, error: "url" }).max(2000, { error: "tooLong" })),
  );

export const wholeNumber = (min: number, max: number) =>
  z
    .string({ error: "required" })
    .transform((value) => value.trim())
    .pipe(z.string().min(1, { error: "required" }).regex(/^\d+$/, { error: "wholeNumber" }))
    .transform(Number)
    .pipe(z.number().int().min(min, { error: "tooSmall" }).max(max, { error: "tooLarge" }));

/** A lower-case address part such as "amts-und-mandatspersonen" (workshops, instruments). */
const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a slug field accepts, and so all a public address (a workshop's, an instrument's) can name. */
export function isUrlSlug(value: string): boolean {
  return value.length <= 80 && slugPattern.test(value);
}

export const urlSlug = z
  .string({ error: "required" })
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.string().min(1, { error: "required" }).max(80, { error: "tooLong" }).regex(slugPattern, { error: "slug" }));

/** A slug field that may be left empty (""): the command then suggests one from the title. */
export const optionalUrlSlug = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim().toLowerCase())
  .pipe(z.union([z.literal(""), z.string().max(80, { error: "tooLong" }).regex(slugPattern, { error: "slug" })]));

/** A date and time from an <input type="datetime-local"> (wall-clock time, zone applied by the caller), or nothing. */
export const optionalLocalDateTime = z
  .string()
  .optional()
  .transform((value) => value?.trim() ?? "")
  .pipe(z.union([z.literal("").transform(() => null), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "dateTime" })]));
