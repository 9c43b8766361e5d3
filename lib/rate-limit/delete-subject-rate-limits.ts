import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { rateLimitSubjectDigest } from "./consume-rate-limit";

/**
 * Deletes every counter kept for a subject (an email address on erasure),
 * under whichever rule counted it: keys are `${rule}:${digest}`, so matching
 * the end of the key covers the email rules of registration and sign-in and
 * any rule added later. `subject` must be spelled as the rules count it
 * (addresses are counted trimmed and in lower case).
 */
export async function deleteSubjectRateLimits(client: Prisma.TransactionClient, subject: string): Promise<number> {
  const suffix = `:${rateLimitSubjectDigest(subject)}`;
  return client.$executeRaw`DELETE FROM "rate_limits" WHERE right("key", ${suffix.length}::int) = ${suffix}`;
}
