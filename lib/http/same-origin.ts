import "server-only";
import { env } from "../env";

/**
 * Whether a POST comes from a form on our own pages: browsers send Origin
 * with every POST (and Sec-Fetch-Site); SameSite=Lax sign-in cookies already
 * keep other sites out, this is the second lock for route handlers (server
 * actions get the same check from Next.js itself).
 */
export function fromOurPages(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin) return origin === new URL(env().APP_URL).origin;
  const site = request.headers.get("sec-fetch-site");
  return site === null || site === "same-origin";
}
