// What proxy.ts refuses before Next.js sees it, and which pages keep their
// address out of the Referer header.
import { describe, expect, it } from "vitest";
import { isCrossSiteWrite, isDecodablePath, originForOwnForm } from "@/lib/http/request-guards";
import { referrerPolicyFor } from "@/lib/http/security-headers";

const appUrl = () => "https://anmeldung.komma.example.org";
const write = (origin: string | null, host = "anmeldung.komma.example.org", method = "POST") => isCrossSiteWrite({ method, origin, host, appUrl });

describe("paths that cannot be decoded", () => {
  it("are told apart from every path that can", () => {
    for (const path of ["/termine/%ED%A0%80/anmeldung", "/r/%FF", "/workshops/%E0%A4%A", "/api/v1/sessions/%C0%AF", "/x/%"])
      expect(isDecodablePath(path), path).toBe(false);
    for (const path of ["/", "/workshops/b%C3%BCrger", "/r/abc_-", "/materialien/%00", "/x/%25", "/x/..%2F..%2Fetc", "/x/%F0%9F%98%80"])
      expect(isDecodablePath(path), path).toBe(true);
  });
});

describe("cross-site writes", () => {
  it("are a POST (or any unsafe method) from a browser on another site", () => {
    expect(write("https://evil.example")).toBe(true);
    expect(write("https://evil.example", undefined, "PUT")).toBe(true);
    expect(write("https://anmeldung.komma.example.org.evil.example")).toBe(true);
    expect(write("null")).toBe(true);
    expect(write("notaurl")).toBe(true);
    expect(write("http://localhost:3225", "localhost:3226")).toBe(true);
  });

  it("are not a same-site POST (by APP_URL or by the host asked), a GET, or a request without Origin", () => {
    expect(write("https://anmeldung.komma.example.org")).toBe(false);
    expect(write("https://anmeldung.komma.example.org", "127.0.0.1:3000")).toBe(false);
    expect(write("http://localhost:3225", "localhost:3225")).toBe(false);
    expect(write("http://LOCALHOST:3225", "Localhost:3225")).toBe(false);
    expect(write("https://evil.example", undefined, "GET")).toBe(false);
    expect(write("https://evil.example", undefined, "HEAD")).toBe(false);
    expect(write(null)).toBe(false);
  });

  it("follow the browser's Sec-Fetch-Site where it is sent, also for the Origin: null of a no-referrer page", () => {
    const posted = (fetchSite: string, origin: string | null = "null") =>
      isCrossSiteWrite({ method: "POST", origin, fetchSite, host: "anmeldung.komma.example.org", appUrl });
    expect(posted("same-origin")).toBe(false);
    expect(posted("same-origin", "https://anmeldung.komma.example.org")).toBe(false);
    expect(posted("cross-site")).toBe(true);
    expect(posted("same-site", "https://intranet.komma.example.org")).toBe(true);
    // A forged Origin does not outweigh what the browser says.
    expect(posted("cross-site", "https://anmeldung.komma.example.org")).toBe(true);
  });
});

describe("the Referrer-Policy header", () => {
  it("is no-referrer wherever the address holds a private token", () => {
    for (const path of [
      "/r/abc",
      "/r/abc/kalender.ics",
      "/r/abc/bestaetigen",
      "/bestaetigen/abc",
      "/anmelden/link",
      "/postfach",
      "/postfach/0ad9b0f6-592e-4204-9309-f25b25cce06f",
      "/api/auth/callback/email",
      "/bewertung/abc",
    ]) {
      expect(referrerPolicyFor(path), path).toBe("no-referrer");
    }
  });

  it("keeps the origin-only default elsewhere", () => {
    for (const path of ["/", "/workshops/r", "/rss", "/anmelden", "/bestaetigenx", "/mailboxes", "/postfaecher", "/organisation/r/x", "/bewertung/danke"])
      expect(referrerPolicyFor(path), path).toBe("strict-origin-when-cross-origin");
  });
});

describe("a form posted with Origin: null from one of our own private pages", () => {
  const own = (origin: string | null, fetchSite: string | null, forwardedHost: string | null = null) =>
    originForOwnForm({ origin, fetchSite, host: "127.0.0.1:3000", forwardedHost }, "https:");

  it("gets the Origin Next.js compares with, but only when the browser itself says the request is same-origin", () => {
    expect(own("null", "same-origin")).toBe("https://127.0.0.1:3000");
    expect(own("null", "same-origin", "anmeldung.komma.example.org, proxy.internal")).toBe("https://anmeldung.komma.example.org");
  });

  it("is left alone from a sandboxed frame, another site, or without Sec-Fetch-Site, and so is any real Origin", () => {
    expect(own("null", "cross-site")).toBeNull();
    expect(own("null", "same-site")).toBeNull();
    expect(own("null", "none")).toBeNull();
    expect(own("null", null)).toBeNull();
    expect(own("https://evil.example", "same-origin")).toBeNull();
    expect(own(null, "same-origin")).toBeNull();
  });
});
