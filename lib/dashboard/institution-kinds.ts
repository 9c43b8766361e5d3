// The kinds of institution a registration form can ask for, so that reports
// can count them across workshops (a question with reportKey
// "institution-kind" and these option values). Pure.

export const INSTITUTION_KIND_KEY = "institution-kind";

export const institutionKinds = ["municipality", "district", "state-federal", "civil-society", "science", "other"] as const;
export type InstitutionKind = (typeof institutionKinds)[number];

/** The options as the seeded question stores them (labels are seed content in both languages). */
export const institutionKindOptions: { value: InstitutionKind; labelDe: string; labelEn: string }[] = [
  { value: "municipality", labelDe: "Gemeinde/Stadt", labelEn: "Municipality/city" },
  { value: "district", labelDe: "Landkreis", labelEn: "District" },
  { value: "state-federal", labelDe: "Land/Bund", labelEn: "Federal state/federal government" },
  { value: "civil-society", labelDe: "Zivilgesellschaft", labelEn: "Civil society" },
  { value: "science", labelDe: "Wissenschaft", labelEn: "Research" },
  { value: "other", labelDe: "Sonstige", labelEn: "Other" },
];

/**
 * The standard question for the kind of institution, as the seed and the
 * organisers' "add the standard question" store it. Optional, so that a
 * registration never fails for want of it.
 */
export const institutionKindQuestion = {
  type: "SINGLE_CHOICE",
  labelDe: "Für welche Art von Institution sind Sie tätig? (optional)",
  labelEn: "What kind of institution do you work for? (optional)",
  required: false,
  options: institutionKindOptions,
  reportKey: INSTITUTION_KIND_KEY,
} as const;

export function isInstitutionKind(value: string): value is InstitutionKind {
  return (institutionKinds as readonly string[]).includes(value);
}
