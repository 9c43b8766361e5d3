import "server-only";
import { consumeRateLimit, RATE_LIMITS, rateLimitExhausted } from "../rate-limit/consume-rate-limit";
import { findConfirmation, type Confirmation } from "./confirm-email";
import { findEmailChange, type EmailChangeView } from "./confirm-email-change";
import { findRegistrationByToken } from "./manage-queries";

/**
 * Resolves a private link. Links cannot be guessed by trying: a link holds
 * 256 random bits and is looked up by its SHA-256 hash (so lookup timing says
 * nothing about the link), and wrong links count against the caller's
 * address; once an address has used up its attempts, no link at all is
 * looked up from there until the window has passed.
 */
export function resolveManageToken(token: string, ip: string | null): Promise<{ id: string } | "unknown" | "rate-limited"> {
  return resolvePrivateLink(() => findRegistrationByToken(token), ip);
}

/** The same for the double opt-in link (its token is of the same kind; wrong ones count against the same limit). */
export function resolveConfirmToken(token: string, ip: string | null): Promise<Confirmation | "unknown" | "rate-limited"> {
  return resolvePrivateLink(() => findConfirmation(token), ip);
}

/** The same for the link that confirms a new address. */
export function resolveEmailChangeToken(token: string, ip: string | null): Promise<EmailChangeView | "unknown" | "rate-limited"> {
  return resolvePrivateLink(() => findEmailChange(token), ip);
}

async function resolvePrivateLink<T>(lookup: () => Promise<T | null>, ip: string | null): Promise<T | "unknown" | "rate-limited"> {
  if (ip && (await rateLimitExhausted(RATE_LIMITS.manageLinkPerIp, ip))) return "rate-limited";
  const found = await lookup();
  if (found) return found;
  if (ip) await consumeRateLimit(RATE_LIMITS.manageLinkPerIp, ip);
  return "unknown";
}
