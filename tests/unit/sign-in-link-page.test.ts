import { describe, expect, it } from "vitest";
import { emailCallbackAction, isSignInButtonPost, readSignInLinkParams, signInLinkPageUrl } from "@/lib/auth/sign-in-link-page";

const appUrl = "https://anmeldung.komma.test/";
const headers = (values: Record<string, string>) => new Headers(values);

describe("scanner-safe sign-in links", () => {
  it("lead to our page, not to next-auth's callback, and the page's button posts to the callback", () => {
    const link = new URL(signInLinkPageUrl(appUrl, { token: "t0k", email: "orga@kommune.de", callbackUrl: "/organisation" }));
    expect(link.origin + link.pathname).toBe("https://anmeldung.komma.test/anmelden/link");
    expect(readSignInLinkParams(link.searchParams)).toEqual({ token: "t0k", email: "orga@kommune.de", callbackUrl: "/organisation" });
    expect(emailCallbackAction({ token: "t0k", email: "orga@kommune.de", callbackUrl: "/organisation" })).toBe(
      "/api/auth/callback/email?token=t0k&email=orga%40kommune.de&callbackUrl=%2Forganisation",
    );
  });

  it("need both token and address", () => {
    expect(readSignInLinkParams({ token: "t0k" })).toBeNull();
    expect(readSignInLinkParams({ email: "orga@kommune.de", token: "" })).toBeNull();
    expect(readSignInLinkParams({ email: "orga@kommune.de", token: ["a", "b"] })).toBeNull();
  });

  it("are spent only by a same-origin POST: never by GET or HEAD, never from another site", () => {
    const sameOrigin = headers({ "sec-fetch-site": "same-origin", origin: "https://anmeldung.komma.test" });
    expect(isSignInButtonPost("POST", sameOrigin, appUrl)).toBe(true);
    // A scanner fetching the link, or a browser following an old mail's callback link.
    expect(isSignInButtonPost("GET", sameOrigin, appUrl)).toBe(false);
    expect(isSignInButtonPost("HEAD", headers({}), appUrl)).toBe(false);
    expect(isSignInButtonPost("GET", headers({}), appUrl)).toBe(false);
    // Another site's auto-submitting form would sign the visitor into someone else's account.
    expect(isSignInButtonPost("POST", headers({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }), appUrl)).toBe(false);
    expect(isSignInButtonPost("POST", headers({ "sec-fetch-site": "same-site", origin: "https://x.komma.test" }), appUrl)).toBe(false);
    expect(isSignInButtonPost("POST", headers({ "sec-fetch-site": "none" }), appUrl)).toBe(false);
    // Browsers without Fetch Metadata: the Origin header decides.
    expect(isSignInButtonPost("POST", headers({ origin: "https://evil.example" }), appUrl)).toBe(false);
    expect(isSignInButtonPost("POST", headers({ origin: "null" }), appUrl)).toBe(false);
    expect(isSignInButtonPost("POST", headers({ origin: "https://anmeldung.komma.test" }), appUrl)).toBe(true);
  });
});
