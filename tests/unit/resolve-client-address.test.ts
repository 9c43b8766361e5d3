import { describe, expect, it } from "vitest";
import { rewriteForwardedHeaders } from "@/lib/http/forwarded-headers";
import { normaliseAddress, parseTrustProxy, resolveClientAddress, resolveForwardedProto, type TrustProxy } from "@/lib/http/resolve-client-address";

function trust(value: string): TrustProxy {
  const parsed = parseTrustProxy(value);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.trust;
}

describe("client address with TRUST_PROXY off", () => {
  it("is the socket address, whatever X-Forwarded-For the client sent", () => {
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", trust("false")).address).toBe("203.0.113.7");
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1, 198.51.100.2", trust("")).address).toBe("203.0.113.7");
    expect(resolveClientAddress("203.0.113.7", undefined, trust("0")).address).toBe("203.0.113.7");
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", trust("false")).viaTrustedProxy).toBe(false);
  });

  it("counts an IPv4 client on a dual-stack socket as its IPv4 address", () => {
    expect(resolveClientAddress("::ffff:127.0.0.1", undefined, trust("false")).address).toBe("127.0.0.1");
  });
});

describe("client address behind a proxy trusted by hop count", () => {
  it("is the entry the one trusted proxy appended (the rightmost), not what the client wrote before it", () => {
    // The client sent "X-Forwarded-For: 198.51.100.66"; nginx appended the address it saw.
    const resolved = resolveClientAddress("10.0.0.5", "198.51.100.66, 203.0.113.7", trust("1"));
    expect(resolved).toEqual({ address: "203.0.113.7", viaTrustedProxy: true });
  });

  it("takes `true` as one hop", () => {
    expect(resolveClientAddress("10.0.0.5", "198.51.100.66, 203.0.113.7", trust("true")).address).toBe("203.0.113.7");
  });

  it("skips exactly n hops with TRUST_PROXY=n", () => {
    // client → CDN (appends 203.0.113.7) → nginx (appends 192.0.2.10, the CDN) → app
    const forwarded = "198.51.100.66, 203.0.113.7, 192.0.2.10";
    expect(resolveClientAddress("10.0.0.5", forwarded, trust("2")).address).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.5", forwarded, trust("3")).address).toBe("198.51.100.66");
  });

  it("is the socket address when the proxy sent no X-Forwarded-For", () => {
    expect(resolveClientAddress("10.0.0.5", undefined, trust("1")).address).toBe("10.0.0.5");
  });

  it("reads repeated X-Forwarded-For headers as one list", () => {
    expect(resolveClientAddress("10.0.0.5", ["198.51.100.66", "203.0.113.7"], trust("1")).address).toBe("203.0.113.7");
  });

  it("stops at an entry that is not an address, at the hop that wrote it", () => {
    expect(resolveClientAddress("10.0.0.5", "203.0.113.7, unknown", trust("2")).address).toBe("10.0.0.5");
  });
});

describe("client address behind proxies trusted by address", () => {
  const proxies = trust("10.0.0.0/8, 192.0.2.10, fd00::/8");

  it("walks from the right over trusted proxies to the first untrusted address", () => {
    expect(resolveClientAddress("10.0.0.5", "198.51.100.66, 203.0.113.7, 192.0.2.10", proxies).address).toBe("203.0.113.7");
    expect(resolveClientAddress("fd00::1", "203.0.113.7", proxies).address).toBe("203.0.113.7");
  });

  it("does not believe X-Forwarded-For from a socket that is not a trusted proxy", () => {
    const resolved = resolveClientAddress("203.0.113.9", "10.0.0.7", proxies);
    expect(resolved).toEqual({ address: "203.0.113.9", viaTrustedProxy: false });
  });

  it("does not let a client hide behind an address inside the trusted range it wrote itself", () => {
    // Only entries right of the first untrusted one are skipped.
    expect(resolveClientAddress("10.0.0.5", "10.9.9.9, 203.0.113.7", proxies).address).toBe("203.0.113.7");
  });

  it("is the leftmost entry when every hop is trusted", () => {
    expect(resolveClientAddress("10.0.0.5", "10.1.1.1, 10.2.2.2", proxies).address).toBe("10.1.1.1");
  });
});

describe("TRUST_PROXY values", () => {
  it("refuses what is neither a flag, a hop count nor addresses", () => {
    expect(parseTrustProxy("yes").ok).toBe(false);
    expect(parseTrustProxy("10.0.0.0/33").ok).toBe(false);
    expect(parseTrustProxy("10.0.0.1, nginx").ok).toBe(false);
    expect(parseTrustProxy("99").ok).toBe(false);
  });

  it("accepts single addresses, ranges and IPv6", () => {
    expect(parseTrustProxy("127.0.0.1").ok).toBe(true);
    expect(parseTrustProxy("127.0.0.1,::1,192.168.0.0/16").ok).toBe(true);
  });
});

describe("addresses", () => {
  it("are compared without port, brackets or IPv4 mapping", () => {
    expect(normaliseAddress("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(normaliseAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normaliseAddress("not-an-address")).toBeNull();
  });
});

describe("forwarded scheme", () => {
  it("is https only when a trusted proxy says so", () => {
    expect(resolveForwardedProto(true, "https")).toBe("https");
    expect(resolveForwardedProto(false, "https")).toBe("http");
    expect(resolveForwardedProto(true, undefined)).toBe("http");
    expect(resolveForwardedProto(true, "https, http")).toBe("http");
  });
});

describe("the headers Next.js gets from the launcher", () => {
  it("carry one X-Forwarded-For entry, the socket's, when the client sent its own and no proxy is trusted", () => {
    const headers: Record<string, string | string[] | undefined> = {
      "x-forwarded-for": "198.51.100.1, 198.51.100.2",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "evil.example",
      "x-real-ip": "198.51.100.3",
    };
    rewriteForwardedHeaders(headers, "203.0.113.7", trust("false"));
    expect(headers).toEqual({ "x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "http" });
  });

  it("carry the client named by a trusted proxy and the scheme it reported", () => {
    const headers: Record<string, string | string[] | undefined> = {
      "x-forwarded-for": "198.51.100.1, 203.0.113.7",
      "x-forwarded-proto": "https",
      "x-forwarded-host": "anmeldung.example.org",
    };
    rewriteForwardedHeaders(headers, "127.0.0.1", trust("127.0.0.1"));
    expect(headers).toEqual({ "x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "https", "x-forwarded-host": "anmeldung.example.org" });
  });
});
