// zod issues → the first error key per form field, for the organiser forms:
// the one flattener (lib/input/field-errors.ts) with the keys of the
// "organiser.errors" catalogue. Pure.
import type { z } from "zod";
import organiserMessages from "../i18n/messages/de/organiser.json";
import { fieldErrorsFrom } from "../input/field-errors";

type OrganiserErrorKey = keyof typeof organiserMessages.errors;
const organiserErrorKeys = Object.keys(organiserMessages.errors) as OrganiserErrorKey[];

export function organiserFieldErrors(error: z.ZodError): Record<string, OrganiserErrorKey> {
  return fieldErrorsFrom(error, organiserErrorKeys);
}
