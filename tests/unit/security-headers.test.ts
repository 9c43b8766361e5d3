import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, staticSecurityHeaders, transportSecurityHeaders } from "@/lib/http/security-headers";

describe("security headers", () => {
  it("allow no inline script without the request's nonce and no other host", () => {
    const policy = contentSecurityPolicy("abc123", { development: false });
    const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src"))!;
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/https?:/);
  });

  it("send HSTS only when people reach the app over https, and the other headers always", () => {
    expect(transportSecurityHeaders("https://anmeldung.example.org")["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    // A production build on a plain-http address must not lock browsers out of it.
    expect(transportSecurityHeaders("http://anmeldung.intranet:3000")).not.toHaveProperty("Strict-Transport-Security");
    expect(staticSecurityHeaders()).not.toHaveProperty("Strict-Transport-Security");
    expect(staticSecurityHeaders()).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
  });
});
