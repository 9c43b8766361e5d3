import "server-only";
import { env } from "../env";

/**
 * The client's address for per-IP rate limits. Next.js appends the socket's
 * address to X-Forwarded-For, so the last entry is the one our server saw;
 * behind a trusted reverse proxy (TRUST_PROXY=true) the first entry is the client.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return headers.get("x-real-ip");
  return (env().TRUST_PROXY ? forwarded[0] : forwarded[forwarded.length - 1]) ?? null;
}
