import "server-only";
import { consumeRateLimit, rateLimitExhausted, type RateLimitRule } from "./consume-rate-limit";

/**
 * Looks up a private link (a manage, opt-in or evaluation link) so that links
 * cannot be found by trying: a link holds 256 random bits and is looked up by
 * its SHA-256 hash (so lookup timing says nothing about the link), and every
 * link that matches nothing counts against the caller's address under `rule`;
 * once the address has used up its attempts, no link at all is looked up from
 * there until the window has passed. A link that is found counts nothing, so
 * the person it belongs to is never held back by their own use of it.
 */
export async function lookUpPrivateLink<T>(rule: RateLimitRule, lookup: () => Promise<T | null>, ip: string | null): Promise<T | "unknown" | "rate-limited"> {
  if (ip && (await rateLimitExhausted(rule, ip))) return "rate-limited";
  const found = await lookup();
  if (found) return found;
  if (ip) await consumeRateLimit(rule, ip);
  return "unknown";
}
