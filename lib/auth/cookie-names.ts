import { createHash, randomBytes } from "node:crypto";

// next-auth v4's cookie names; the secure variants are used when APP_URL is
// https. Pure: the proxy and the sign-in pages read these cookies by name.

export function authCookieNames(secure: boolean) {
  return {
    sessionToken: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    csrfToken: `${secure ? "__Host-" : ""}next-auth.csrf-token`,
  };
}

/** The CSRF token for a form is the part of next-auth's double-submit cookie before the "|". */
export function csrfTokenFromCookie(value: string | undefined): string | null {
  const token = value?.split("|")[0];
  return token && /^[0-9a-f]{64}$/.test(token) ? token : null;
}

/**
 * A new value for next-auth's double-submit CSRF cookie, in next-auth's own
 * format (token, "|", SHA-256 of token and secret), so that the sign-in page
 * can carry the token on its first answer instead of a round trip through
 * /api/auth/signin.
 */
export function newCsrfCookieValue(secret: string): { token: string; value: string } {
  const token = randomBytes(32).toString("hex");
  return { token, value: `${token}|${createHash("sha256").update(`${token}${secret}`).digest("hex")}` };
}
