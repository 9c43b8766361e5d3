// zod issues → the first error key per form field, for the organiser forms.
// Pure. Keys are those of the "organiser.errors" catalogue; anything zod
// reports in its own words becomes "invalid".
import type { z } from "zod";
import organiserMessages from "../i18n/messages/de/organiser.json";

const knownKeys = new Set(Object.keys(organiserMessages.errors));

export function organiserFieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    errors[path] ??= knownKeys.has(issue.message) ? issue.message : "invalid";
  }
  return errors;
}
