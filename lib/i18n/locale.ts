// Which language a request gets: the visitor's explicit choice (a cookie set
// only when they switch), else the browser's preference, else German.
import { safeCallbackPath } from "../auth/callback-path";
import { defaultLocale, isLocale, locales, type Locale } from "./catalogue";

export const LOCALE_COOKIE = "locale";

export function negotiateLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  const preferences = (acceptLanguage ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const quality = params.find((param) => param.trim().startsWith("q="));
      return { language: tag.toLowerCase().split("-")[0] ?? "", quality: quality ? Number(quality.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.language && !Number.isNaN(entry.quality))
    .sort((a, b) => b.quality - a.quality);
  const match = preferences.find((entry) => (locales as readonly string[]).includes(entry.language));
  return match && isLocale(match.language) ? match.language : defaultLocale;
}

/**
 * Where the language switch sends the visitor back to: the page they came
 * from (its path and query) when the Referer is a page of this site
 * (APP_URL's origin); else the page the form said it was on (`returnTo`,
 * a path: pages with private links send no Referer); else the start page.
 * Always a path on this site, under the same rule as the way back after
 * signing in, so the redirect stays on whatever domain the visitor used.
 */
export function returnPath(referer: string | null, appUrl: string, returnTo?: unknown): string {
  if (referer && URL.canParse(referer)) {
    const fromReferer = safeCallbackPath(referer, appUrl, "");
    if (fromReferer) return fromReferer;
  }
  return typeof returnTo === "string" && returnTo.startsWith("/") ? safeCallbackPath(returnTo, appUrl, "/") : "/";
}
