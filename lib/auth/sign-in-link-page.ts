// Sign-in links that survive link scanners (docs/decisions/0013). A mail
// names our page /anmelden/link, which only shows a button; the button's
// same-origin POST is the one request that reaches next-auth's email callback
// and spends the token. Pure, so the rules are unit-tested.

import { requestSite, requestSiteHeaders } from "../http/request-guards";

export const SIGN_IN_LINK_PAGE = "/anmelden/link";
const EMAIL_CALLBACK = "/api/auth/callback/email";

export type SignInLinkParams = { token: string; email: string; callbackUrl?: string };

function query({ token, email, callbackUrl }: SignInLinkParams): string {
  return new URLSearchParams({ token, email, ...(callbackUrl ? { callbackUrl } : {}) }).toString();
}

/** The link a mail carries: GET and HEAD on it spend nothing. */
export function signInLinkPageUrl(appUrl: string, params: SignInLinkParams): string {
  return `${appUrl.replace(/\/$/, "")}${SIGN_IN_LINK_PAGE}?${query(params)}`;
}

/** Where the page's button posts: next-auth's email callback. */
export function emailCallbackAction(params: SignInLinkParams): string {
  return `${EMAIL_CALLBACK}?${query(params)}`;
}

/** The link's parameters as the page and the callback receive them; null when one is missing. */
export function readSignInLinkParams(search: URLSearchParams | Record<string, string | string[] | undefined>): SignInLinkParams | null {
  const get = (name: string) => {
    const value = search instanceof URLSearchParams ? search.get(name) : search[name];
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  const token = get("token");
  const email = get("email");
  if (!token || !email) return null;
  const callbackUrl = get("callbackUrl");
  return { token, email, ...(callbackUrl ? { callbackUrl } : {}) };
}

/**
 * Whether a request to next-auth's email callback is the page's button: a
 * POST the browser marks as same-origin. A scanner's GET or HEAD, a link
 * from an older mail and a cross-site form (which would sign a person into
 * someone else's account) are sent to the page instead, spending nothing.
 * Without Sec-Fetch-Site (older browsers) the Origin header decides; a
 * client that sends neither is no browser another site could drive.
 */
export function isSignInButtonPost(method: string, headers: Headers, appUrl: string): boolean {
  return method === "POST" && requestSite(requestSiteHeaders(headers), () => appUrl) !== "foreign";
}
