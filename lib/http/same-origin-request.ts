import "server-only";
import { env } from "../env";
import { requestSite, requestSiteHeaders } from "./request-guards";

/**
 * Whether a POST came from a form on our own pages. Browsers send Origin with
 * every POST (and Sec-Fetch-Site); the SameSite=Lax sign-in cookie already
 * keeps other sites' posts unauthenticated, this is the second lock for
 * route handlers, which Next.js' own server-action origin check does not
 * cover. A request with neither header (curl, an old client) is let through:
 * it carries no browser's cookies unless its sender has them anyway.
 */
export function isSameOriginRequest(request: Request): boolean {
  return requestSite(requestSiteHeaders(request.headers), () => env().APP_URL) !== "foreign";
}
