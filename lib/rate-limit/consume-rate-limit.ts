import "server-only";
import { createHash } from "node:crypto";
import { db } from "../db";

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

export const RATE_LIMITS = {
  registrationPerIp: { name: "register:ip", limit: 30, windowSeconds: 600 },
  registrationPerEmail: { name: "register:email", limit: 5, windowSeconds: 3600 },
  manageLinkPerIp: { name: "manage:ip", limit: 60, windowSeconds: 600 },
} satisfies Record<string, RateLimitRule>;

/**
 * Counts one attempt in a fixed window shared by every app instance (the
 * counter lives in PostgreSQL) and tells whether it is within the limit.
 * Keys are hashed: no address or email is stored in the table.
 */
export async function consumeRateLimit(rule: RateLimitRule, subject: string): Promise<boolean> {
  const key = `${rule.name}:${createHash("sha256").update(subject).digest("base64url")}`;
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "rate_limits" ("key", "windowStart", "count")
    VALUES (${key}, now(), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "rate_limits"."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds})
                     THEN 1 ELSE "rate_limits"."count" + 1 END,
      "windowStart" = CASE WHEN "rate_limits"."windowStart" <= now() - make_interval(secs => ${rule.windowSeconds})
                     THEN now() ELSE "rate_limits"."windowStart" END
    RETURNING "count"`;
  return (rows[0]?.count ?? 0) <= rule.limit;
}
