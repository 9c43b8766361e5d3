// The one way a zod error becomes what a form shows: the first error key per
// field. Pure; no server imports (the registration form runs it in the
// browser too). Every schema states its errors as catalogue keys
// (`{ error: "tooLong" }`); anything zod says in its own words (a wrong type
// deep inside a posted value) becomes "invalid", which every catalogue has.

import type { z } from "zod";

/**
 * Field path ("firstName", "answers.<question id>", "form" for the whole
 * form) → the first key of `knownKeys` zod reported for it, else "invalid".
 */
export function fieldErrorsFrom<K extends string>(error: z.ZodError, knownKeys: Iterable<K>): Record<string, K | "invalid"> {
  const known = new Set<string>(knownKeys);
  const errors: Record<string, K | "invalid"> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    errors[path] ??= known.has(issue.message) ? (issue.message as K) : "invalid";
  }
  return errors;
}
