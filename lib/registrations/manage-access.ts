import "server-only";
import { consumeRateLimit, RATE_LIMITS } from "../rate-limit/consume-rate-limit";
import { findRegistrationByToken } from "./manage-queries";

/**
 * Resolves a private link; wrong tokens count against the caller's address so
 * that links cannot be guessed by trying (valid ones are never limited).
 */
export async function resolveManageToken(token: string, ip: string | null): Promise<{ id: string } | "unknown" | "rate-limited"> {
  const found = await findRegistrationByToken(token);
  if (found) return found;
  if (ip && !(await consumeRateLimit(RATE_LIMITS.manageLinkPerIp, ip))) return "rate-limited";
  return "unknown";
}
