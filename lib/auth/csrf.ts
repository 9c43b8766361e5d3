import "server-only";
import { cookies } from "next/headers";
import { env } from "../env";
import { safeCallbackPath as safeCallbackPathOn } from "./callback-path";
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

/** Only paths on this site (APP_URL) are followed after sign-in; see callback-path.ts. */
export function safeCallbackPath(value: unknown, fallback = "/organisation"): string {
  return safeCallbackPathOn(value, env().APP_URL, fallback);
}

/** Whether the browser sends a session cookie at all (valid or not). */
export async function hasSessionCookie(): Promise<boolean> {
  const jar = await cookies();
  return [true, false].some((secure) => jar.has(authCookieNames(secure).sessionToken));
}
