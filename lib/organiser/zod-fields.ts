// Field rules shared by the organiser forms' schemas. Pure; error messages
// are catalogue keys (namespace "organiser.errors").
import { z } from "zod";

export const requiredText = (max: number) =>
  z
    .string({ error: "required" })
    .transform((value) => value.trim())
    .pipe(z.string().min(1, { error: "required" }).max(max, { error: "tooLong" }));

export const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((value) => value?.trim() ?? "")
    .pipe(z.string().max(max, { error: "tooLong" }));

/** A textarea with one entry per line, in order; blank lines dropped. */
export const lines = (maxLines: number, maxEach: number) =>
  z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(/\r\n?|\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(maxEach, { error: "lineTooLong" })).max(maxLines, { error: "tooManyLines" }));

/** An HTML checkbox: present ("on") or absent. */
export const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true" || value === "1");

/** A web address people can open (http or https), or nothing. */
export const optionalWebUrl = z
  .string()
  .optional()
  .transform((value) => value?.trim() ?? "")
  .pipe(
    z.union([
      z.literal("").transform(() => null),
      z.url({ protocol: /^https?$/, error: "url" }).max(2000, { error: "tooLong" }),
    ]),
  );

export const webUrl = z
  .string({ error: "required" })
  .transform((value) => value.trim())
  .pipe(z.string().min(1, { error: "required" }).pipe(z.url({ protocol: /^https?$/, error: "url" }).max(2000, { error: "tooLong" })));

export const wholeNumber = (min: number, max: number) =>
  z
    .string({ error: "required" })
    .transform((value) => value.trim())
    .pipe(z.string().min(1, { error: "required" }).regex(/^\d+$/, { error: "wholeNumber" }))
    .transform(Number)
    .pipe(z.number().int().min(min, { error: "tooSmall" }).max(max, { error: "tooLarge" }));

/** A lower-case address part such as "amts-und-mandatspersonen" (workshops, instruments). */
export const urlSlug = z
  .string({ error: "required" })
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, { error: "required" })
      .max(80, { error: "tooLong" })
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "slug" }),
  );

/** A date and time from an <input type="datetime-local"> (wall-clock time, zone applied by the caller), or nothing. */
export const optionalLocalDateTime = z
  .string()
  .optional()
  .transform((value) => value?.trim() ?? "")
  .pipe(z.union([z.literal("").transform(() => null), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "dateTime" })]));
