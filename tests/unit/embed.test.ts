import { describe, expect, it } from "vitest";
import { embedOriginsSchema, normaliseOrigin } from "@/lib/embed/schema";
import { embedContentSecurityPolicy } from "@/lib/http/security-headers";

describe("the embedding allowlist", () => {
  it("takes scheme, host and port only", () => {
    expect(normaliseOrigin(" https://www.Kommune.de ")).toBe("https://www.kommune.de");
    expect(normaliseOrigin("https://www.kommune.de/")).toBe("https://www.kommune.de");
    expect(normaliseOrigin("http://localhost:3228")).toBe("http://localhost:3228");
  });

  it("refuses paths, queries, credentials, other schemes and CSP keywords", () => {
    for (const value of [
      "https://www.kommune.de/seite",
      "https://www.kommune.de/?x=1",
      "https://a:b@kommune.de",
      "javascript:alert(1)",
      "*",
      "'self'",
      "https://kommune.de; script-src *",
      "kommune.de",
    ]) {
      expect(normaliseOrigin(value)).toBeNull();
    }
  });

  it("parses one origin per line, once each, and refuses the list if one is wrong", () => {
    expect(embedOriginsSchema.parse({ origins: "https://a.de\r\n\nhttps://a.de/\nhttp://localhost:3228" })).toEqual({
      origins: ["https://a.de", "http://localhost:3228"],
    });
    expect(embedOriginsSchema.safeParse({ origins: "https://a.de\nhttps://b.de; frame-ancestors *" }).success).toBe(false);
    expect(embedOriginsSchema.parse({})).toEqual({ origins: [] });
  });

  it("lets only the listed origins frame the embed pages; nobody when the list is empty", () => {
    expect(embedContentSecurityPolicy(["https://a.de", "http://localhost:3228"], "n0nce")).toContain("frame-ancestors https://a.de http://localhost:3228");
    expect(embedContentSecurityPolicy([], "n0nce")).toContain("frame-ancestors 'none'");
    expect(embedContentSecurityPolicy([], "n0nce")).toContain("script-src 'nonce-n0nce'");
    expect(embedContentSecurityPolicy([], "n0nce")).toContain("default-src 'none'");
  });
});
