import "server-only";
import { cookies } from "next/headers";
import { env } from "../env";
import { authCookieNames, csrfTokenFromCookie } from "./cookie-names";

/**
 * The token for next-auth's sign-in and sign-out forms, read from the
 * double-submit cookie next-auth sets on /api/auth/signin and /api/auth/signout.
 * Null when the browser has no such cookie yet.
 */
export async function readCsrfToken(): Promise<string | null> {
  const secure = env().APP_URL.startsWith("https://");
  return csrfTokenFromCookie((await cookies()).get(authCookieNames(secure).csrfToken)?.value);
}

/** Only paths on this site are followed after sign-in. */
export function safeCallbackPath(value: unknown, fallback = "/organisation"): string {
  if (typeof value !== "string") return fallback;
  try {
    const base = new URL(env().APP_URL);
    const url = new URL(value, base);
    if (url.origin !== base.origin) return fallback;
    return `${url.pathname}${url.search}` || fallback;
  } catch {
    return fallback;
  }
}
