// The one check for ids that arrive in URLs and forms. Pure; no server imports.
//
// PostgreSQL's uuid type refuses anything that is not 32 hex digits, and a
// refused cast is an error, not "no row": every id from outside passes this
// check before it reaches a query, so a malformed id means "not found".
// A weaker copy (/^[0-9a-f-]{36}$/, which lets "----…" and "000…0" of
// length 36 through) is how such ids became 500s.
import { z } from "zod";

const canonicalUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id in the canonical 8-4-4-4-12 form, in either case. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && canonicalUuid.test(value);
}

/** A form or JSON field holding an id; `error` is the catalogue key for anything else. */
export const uuidField = (error: string) => z.string({ error }).refine(isUuid, { error });
