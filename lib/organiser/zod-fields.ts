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
  .pipe(
    z.union([
      z.literal("").transform(() => null),
      z.url({ protocol: /^https?$/, error: "url" }).max(2000, { error: "tooLong" }),
    ]),
  );

export const webUrl = z
  .string({ error: "required" })
  .pipe(storableString)
  .transform((value) => value.trim())
  .pipe(z.string().min(1, { error: "required" }).pipe(z.url({ protocol: /^https?$/, error: "url" }).max(2000, { error: "tooLong" })));

export const wholeNumber = (min: number, max: number) =>
  z
    .string({ error: "required" })
    .transform((value) => value.trim())
    .pipe(z.string().min(1, { error: "required" }).regex(/^\d+$/, { error: "wholeNumber" }))
    .transform(Number)
    .pipe(z.number().int().min(min, { error: "tooSmall" }).max(max, { error: "tooLarge" }));
