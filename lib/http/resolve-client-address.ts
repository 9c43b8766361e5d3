// Which address a request came from, for per-IP rate limits. Pure (no I/O):
// the launcher's HTTP server (scripts/start.ts) calls it with the socket
// address and the raw X-Forwarded-For before Next.js sees the request, and
// hands the app exactly one X-Forwarded-For entry: the result.
// docs/decisions/0012-safe-modes-and-client-addresses.md
import { BlockList, isIP } from "node:net";

/**
 * Which hops in front of the app are trusted to report the client's address:
 * none (the socket is the client, whatever it claims), the nearest `hops`
 * (Express' "trust proxy" n), or the proxies with these addresses (nginx'
 * set_real_ip_from with real_ip_recursive on).
 */
export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "addresses"; addresses: BlockList; text: string };

export type ParsedTrustProxy = { ok: true; trust: TrustProxy } | { ok: false; problem: string };

/**
 * TRUST_PROXY: unset, "false" or "0": none; "true": 1 hop (the meaning the
 * variable had before hop counts); a whole number n: n hops; otherwise a
 * comma-separated list of proxy addresses or CIDR ranges.
 */
export function parseTrustProxy(value: string | undefined): ParsedTrustProxy {
  const text = (value ?? "").trim();
  if (text === "" || text === "false" || text === "0") return { ok: true, trust: { kind: "none" } };
  if (text === "true") return { ok: true, trust: { kind: "hops", hops: 1 } };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 10) return { ok: false, problem: `${hops} hops is more than any real proxy chain (at most 10)` };
    return { ok: true, trust: { kind: "hops", hops } };
  }
  const addresses = new BlockList();
  for (const entry of text.split(",").map((part) => part.trim())) {
    const [address = "", prefix, extra] = entry.split("/");
    const normalised = normaliseAddress(address);
    const family = normalised ? isIP(normalised) : 0;
    if (!normalised || family === 0 || extra !== undefined) {
      return { ok: false, problem: `"${entry}" is neither true/false, a hop count nor an IP address or CIDR range` };
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      addresses.addAddress(normalised, type);
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
    if (bits < 0 || bits > (family === 4 ? 32 : 128)) return { ok: false, problem: `"${entry}" has an invalid prefix length` };
    addresses.addSubnet(normalised, bits, type);
  }
  return { ok: true, trust: { kind: "addresses", addresses, text } };
}

/**
 * An address as the rate limits count it: IPv4-mapped IPv6 (::ffff:10.0.0.1,
 * what a dual-stack socket reports) as plain IPv4, IPv6 lower-case without
 * brackets or zone, a port (1.2.3.4:80, [::1]:80) dropped. Null when it is not an IP address.
 */
export function normaliseAddress(raw: string): string | null {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) address = mapped[1]!;
  return isIP(address) === 0 ? null : address;
}

function isTrusted(trust: TrustProxy, address: string, hop: number): boolean {
  switch (trust.kind) {
    case "none":
      return false;
    case "hops":
      return hop < trust.hops;
    case "addresses":
      return trust.addresses.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
  }
}

export type ResolvedClient = {
  /** The client's address: the one X-Forwarded-For entry the app gets. */
  address: string;
  /** Whether the request reached us through a trusted proxy (so its X-Forwarded-Proto counts). */
  viaTrustedProxy: boolean;
};

/**
 * Walks from the socket towards the client: the socket address first, then
 * the X-Forwarded-For entries from the right (each proxy appends the
 * address it saw). Every trusted hop passes the question on to the entry
 * left of it; the first address that is not trusted is the client. Entries
 * left of that were written by the client itself and are never believed.
 * If every hop is trusted, the leftmost entry is the client (as nginx does).
 * An entry that is not an address ends the walk at the hop that wrote it.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trust: TrustProxy): ResolvedClient {
  const socket = normaliseAddress(socketAddress ?? "") ?? "unknown";
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [socket, ...entries.reverse()];
  let client = socket;
  for (let hop = 0; hop < chain.length; hop++) {
    const address = hop === 0 ? socket : normaliseAddress(chain[hop]!);
    if (!address) break;
    client = address;
    if (!isTrusted(trust, address, hop)) break;
  }
  return { address: client, viaTrustedProxy: isTrusted(trust, socket, 0) };
}

/**
 * The scheme the client used: what a trusted proxy says in X-Forwarded-Proto
 * (its own, rightmost word), otherwise plain http, which is all this server
 * speaks. A client cannot claim https by itself.
 */
export function resolveForwardedProto(viaTrustedProxy: boolean, forwardedProto: string | string[] | undefined): "http" | "https" {
  if (!viaTrustedProxy) return "http";
  const value = (Array.isArray(forwardedProto) ? forwardedProto.join(",") : (forwardedProto ?? "")).split(",").at(-1)?.trim().toLowerCase();
  return value === "https" ? "https" : "http";
}
