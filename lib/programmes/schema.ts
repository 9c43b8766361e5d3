// The administrators' programme form. Shared by form and server; no server
// imports. Errors are "organiser.errors" keys.
import { z } from "zod";
import { userEmail } from "../admin/schema";
import { nullableText, requiredText } from "../input/text";
import { checkbox, optionalUrlSlug, wholeNumber } from "../organiser/zod-fields";

export const programmeSchema = z.object({
  name: requiredText(200),
  nameEn: nullableText(200),
  // Left empty: made from the name (new programme) or kept (existing one).
  slug: optionalUrlSlug,
  description: requiredText(10_000),
  descriptionEn: nullableText(10_000),
  contactEmail: userEmail,
  imprint: nullableText(10_000),
  imprintEn: nullableText(10_000),
  /** The privacy notice as it stands; a changed text becomes a new version (registrations keep theirs). */
  privacyNotice: requiredText(50_000),
  privacyNoticeEn: nullableText(50_000),
  retentionDays: wholeNumber(1, 3650),
  shownOnHome: checkbox,
});
export type ProgrammeInput = z.output<typeof programmeSchema>;
