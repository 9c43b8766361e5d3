import "server-only";
import { RATE_LIMITS } from "../rate-limit/consume-rate-limit";
import { lookUpPrivateLink } from "../rate-limit/look-up-private-link";
import { findConfirmation, type Confirmation } from "./confirm-email";
import { findEmailChange, type EmailChangeView } from "./confirm-email-change";
import { findRegistrationByToken } from "./manage-queries";

/**
 * Resolves a manage link. Wrong links count against the caller's address
 * (lib/rate-limit/look-up-private-link.ts); once an address has used up its
 * attempts, no link at all is looked up from there until the window has passed.
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

function resolvePrivateLink<T>(lookup: () => Promise<T | null>, ip: string | null): Promise<T | "unknown" | "rate-limited"> {
  return lookUpPrivateLink(RATE_LIMITS.manageLinkPerIp, lookup, ip);
}
