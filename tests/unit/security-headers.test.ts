import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, staticSecurityHeaders } from "@/lib/http/security-headers";

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

  it("send HSTS only in production, and the other headers always", () => {
    expect(staticSecurityHeaders({ production: true })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(staticSecurityHeaders({ production: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(staticSecurityHeaders({ production: false })).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
  });
});
