// The organiser form for an instrument. Shared by form and server; no server
// imports. Errors are "organiser.errors" keys.
import { z } from "zod";
import { optionalText, requiredText } from "../input/text";
import { urlSlug, wholeNumber } from "../organiser/zod-fields";

export const instrumentSchema = z.object({
  title: requiredText(200),
  titleEn: optionalText(200).transform((value) => value || null),
  slug: urlSlug,
  summary: optionalText(600),
  summaryEn: optionalText(600).transform((value) => value || null),
  description: optionalText(10_000),
  descriptionEn: optionalText(10_000).transform((value) => value || null),
  position: wholeNumber(0, 999),
});
export type InstrumentInput = z.output<typeof instrumentSchema>;

/**
 * The workshop's instruments as ticked on its form: "instrument" repeated
 * (one id per ticked box) and "position-<id>" for the order; unticked boxes
 * are not sent. Ordered by the given position, then as listed.
 */
export function chosenInstruments(form: { getAll(name: string): unknown[]; get(name: string): unknown }): string[] {
  const ids = form.getAll("instrument").filter((value): value is string => typeof value === "string");
  const order = (id: string) => {
    const value = Number(form.get(`position-${id}`));
    return Number.isFinite(value) ? value : Number.MAX_SAFE_INTEGER;
  };
  return [...new Set(ids)]
    .map((id, index) => ({ id, index, position: order(id) }))
    .sort((a, b) => a.position - b.position || a.index - b.index)
    .map((entry) => entry.id);
}
