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
