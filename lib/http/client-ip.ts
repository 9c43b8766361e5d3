import "server-only";

/**
 * The client's address for per-IP rate limits: the one X-Forwarded-For entry
 * the launcher's HTTP server leaves (lib/http/forwarded-headers.ts), resolved
 * there from the socket and, with TRUST_PROXY, the trusted proxies' entries.
 * Only a server started without the launcher (a bare `next start`) can show
 * more than one entry; then the last one is the nearest to this server.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded.at(-1) ?? null;
}
