// Requests refused in proxy.ts before Next.js handles them, because Next.js
// itself would answer them with a 500. Pure, so the rules are unit-tested.

/**
 * Whether every path segment percent-decodes to text. "%ED%A0%80" (a lone
 * surrogate in UTF-8) or "%FF" cannot be decoded; Next.js then fails while
 * matching a dynamic route and answers 500 without rendering anything.
 */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

export type RequestSiteHeaders = { origin: string | null; fetchSite?: string | null; host: string | null };

/**
 * Where a browser says a request comes from: "own" (a page of this
 * installation), "foreign" (another site, a sandboxed frame) or "unknown"
 * (neither Origin nor Sec-Fetch-Site: no browser's form or fetch, so no
 * other site can have made it carry someone's cookies).
 *
 * Sec-Fetch-Site, which only the browser sets, decides where it is sent:
 * only "same-origin" is ours. It has to decide, because a page served with
 * Referrer-Policy: no-referrer (the pages with private links) makes the
 * browser send `Origin: null` with its own forms. Without it (older
 * browsers) the Origin must be this installation's public address (APP_URL)
 * or the host the request was sent to. `appUrl` is read only when the Origin
 * decides. The one rule for proxy.ts, the download routes and the sign-in
 * button.
 */
export function requestSite(request: RequestSiteHeaders, appUrl: () => string): "own" | "foreign" | "unknown" {
  if (request.fetchSite) return request.fetchSite === "same-origin" ? "own" : "foreign";
  if (request.origin === null) return "unknown";
  let origin: URL;
  try {
    origin = new URL(request.origin);
  } catch {
    // "null" (a sandboxed frame, a privacy redirect) and anything else that is not an origin.
    return "foreign";
  }
  if (origin.origin === new URL(appUrl()).origin) return "own";
  return request.host !== null && origin.host === request.host.toLowerCase() ? "own" : "foreign";
}

/** The headers requestSite reads, from a request's headers. */
export function requestSiteHeaders(headers: Headers): RequestSiteHeaders {
  return { origin: headers.get("origin"), fetchSite: headers.get("sec-fetch-site"), host: headers.get("host") };
}

/**
 * A state-changing request a browser sent from another site. Next.js refuses
 * a cross-site server action too, but by throwing (a 500); no page of ours
 * accepts a cross-site POST for any other reason. Requests of unknown origin
 * are left to the route, as Next.js does.
 */
export function isCrossSiteWrite(request: RequestSiteHeaders & { method: string; appUrl: () => string }): boolean {
  return !safeMethods.has(request.method.toUpperCase()) && requestSite(request, request.appUrl) === "foreign";
}

/**
 * The Origin to hand Next.js for a form the browser posted from one of our
 * own pages with `Origin: null` (a page served with Referrer-Policy:
 * no-referrer makes Chromium send that). Next.js' server-action check would
 * refuse it as cross-site, so no form on a private page (cancel, switch,
 * correct details) would work without JavaScript. Only Sec-Fetch-Site,
 * which no page can set, vouches for it; the host is the one Next.js
 * compares against. Null: leave the request as it is.
 */
export function originForOwnForm(request: RequestSiteHeaders & { forwardedHost?: string | null }, protocol: string): string | null {
  if (request.origin !== "null" || request.fetchSite !== "same-origin") return null;
  // Next.js compares with the first X-Forwarded-Host entry, else Host.
  const host = request.forwardedHost?.split(",")[0]?.trim() || request.host;
  return host ? `${protocol}//${host}` : null;
}
