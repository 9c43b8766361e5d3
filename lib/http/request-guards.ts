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

/**
 * A state-changing request a browser sent from another site. Sec-Fetch-Site,
 * which only the browser sets, decides where it is sent: anything but
 * "same-origin" is refused. It has to decide, because a page served with
 * Referrer-Policy: no-referrer (the pages with private links) makes the
 * browser send `Origin: null` with its own forms. Without it (older browsers)
 * the Origin must be this installation's public address (APP_URL) or the
 * host the request was sent to. Next.js refuses a cross-site server action
 * too, but by throwing (a 500); no page of ours accepts a cross-site POST for
 * any other reason. Requests with neither header (not sent by a browser's
 * form or fetch) are left to the route, as Next.js does. `appUrl` is read
 * only when the Origin decides.
 */
export function isCrossSiteWrite(request: {
  method: string;
  origin: string | null;
  fetchSite?: string | null;
  host: string | null;
  appUrl: () => string;
}): boolean {
  if (safeMethods.has(request.method.toUpperCase())) return false;
  if (request.fetchSite) return request.fetchSite !== "same-origin";
  if (request.origin === null) return false;
  let origin: URL;
  try {
    origin = new URL(request.origin);
  } catch {
    // "null" (a sandboxed frame, a privacy redirect) and anything else that is not an origin.
    return true;
  }
  if (origin.origin === new URL(request.appUrl()).origin) return false;
  return request.host === null || origin.host !== request.host.toLowerCase();
}
