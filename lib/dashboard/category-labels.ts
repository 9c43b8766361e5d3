// Names of the chart categories in a language: roles from the registration
// form, kinds of institution, "other" and "not stated". Pure.
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { OTHER_KEY } from "./figures";
import { isInstitutionKind } from "./institution-kinds";

const roleKeys = new Set(["ADMINISTRATION", "ELECTED_OFFICIAL", "CIVIL_SOCIETY"]);

export function roleLabel(key: string, locale: Locale): string {
  if (key === OTHER_KEY) return translator(locale, "dashboard")("charts.other");
  return roleKeys.has(key) ? translator(locale, "registration")(`roles.${key as "ADMINISTRATION"}`) : key;
}

/** An answer no longer among the options (the question was edited) keeps its stored value as name. */
export function institutionKindLabel(key: string, locale: Locale): string {
  const t = translator(locale, "dashboard");
  if (key === "none") return t("charts.none");
  return isInstitutionKind(key) ? t(`institutionKinds.${key}`) : key;
}
