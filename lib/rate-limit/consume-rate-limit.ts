import "server-only";
import { createHash } from "node:crypto";
import { namedParameters } from "../database/named-parameters";
import { sqlPool } from "../db";

export type RateLimitRule = { name: string; limit: number; windowSeconds: number };

export const RATE_LIMITS = {
  registrationPerIp: { name: "register:ip", limit: 30, windowSeconds: 600 },
  registrationPerEmail: { name: "register:email", limit: 5, windowSeconds: 3600 },
  manageLinkPerIp: { name: "manage:ip", limit: 60, windowSeconds: 600 },
  /** Wrong verification codes of certificates of attendance (docs/decisions/0029). */
  certificateCodePerIp: { name: "certificate:ip", limit: 20, windowSeconds: 3600 },
  /** Evaluation links that match nothing, opened or posted (docs/decisions/0037). */
  evaluationLinkPerIp: { name: "evaluation-link:ip", limit: 30, windowSeconds: 600 },
  /** Every post of the evaluation form; a link stores once, so one person needs one or two (docs/decisions/0037). */
  evaluationSubmissionPerIp: { name: "evaluation-submission:ip", limit: 60, windowSeconds: 600 },
  /** Each request mails a link to an address the requester chose: a few a day per registration. */
  emailChangePerRegistration: { name: "email-change:registration", limit: 5, windowSeconds: 86_400 },
} satisfies Record<string, RateLimitRule>;

export type RateLimitCheck = { rule: RateLimitRule; subject: string };

/** How a subject (an address, an email) appears in its counters' keys: hashed, never in clear. */
export function rateLimitSubjectDigest(subject: string): string {
  return createHash("sha256").update(subject).digest("base64url");
}

function counterKey({ rule, subject }: RateLimitCheck): string {
  return `${rule.name}:${rateLimitSubjectDigest(subject)}`;
}

// One counter per key in a fixed window: a new window starts at 1, otherwise
// the count goes up by one. "expiresAt" is the window's end, kept only so
// that ended windows can be deleted (delete-expired-rate-limits.ts).
const counterUpsert = (key: string, windowSeconds: string) => `
  INSERT INTO "rate_limits" ("key", "windowStart", "count", "expiresAt") VALUES (${key}, now(), 1, now() + make_interval(secs => ${windowSeconds}))
  ON CONFLICT ("key") DO UPDATE SET
    "count" = CASE WHEN "rate_limits"."windowStart" <= now() - make_interval(secs => ${windowSeconds}) THEN 1 ELSE "rate_limits"."count" + 1 END,
    "windowStart" = CASE WHEN "rate_limits"."windowStart" <= now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE "rate_limits"."windowStart" END,
    "expiresAt" = CASE WHEN "rate_limits"."windowStart" <= now() - make_interval(secs => ${windowSeconds}) THEN now() ELSE "rate_limits"."windowStart" END
      + make_interval(secs => ${windowSeconds})
  RETURNING "count"`;

export type RateLimitSql = {
  /** Common table expressions that count the attempts (they always run). */
  ctes: string[];
  /** True when every counter is within its limit. */
  within: string;
  /** The parameters by name (lib/database/named-parameters.ts). */
  values: Record<string, unknown>;
};

/**
 * The counting of consumeRateLimits as parts of another statement, with
 * named parameters ($rateLimit0Key, …) that cannot clash with the host
 * statement's; the registration statement counts its attempts this way in
 * the same round trip.
 */
export function rateLimitSql(checks: RateLimitCheck[]): RateLimitSql {
  const values: Record<string, unknown> = {};
  const parts = checks.map((check, index) => {
    const name = `rateLimit${index}`;
    values[`${name}Key`] = counterKey(check);
    values[`${name}Window`] = check.rule.windowSeconds;
    values[`${name}Limit`] = check.rule.limit;
    return {
      cte: `rate_limit_${index} AS (${counterUpsert(`$${name}Key::text`, `$${name}Window::int`)})`,
      within: `(SELECT "count" FROM rate_limit_${index}) <= $${name}Limit::int`,
    };
  });
  return { ctes: parts.map((part) => part.cte), within: parts.length ? parts.map((part) => part.within).join(" AND ") : "true", values };
}

/**
 * Counts one attempt against each rule, in fixed windows shared by every app
 * instance (the counters live in PostgreSQL), in one statement, and tells
 * whether all of them are within their limits. Keys are hashed: no address
 * or email is stored in the table.
 */
export async function consumeRateLimits(checks: RateLimitCheck[]): Promise<boolean> {
  if (checks.length === 0) return true;
  const { ctes, within, values } = rateLimitSql(checks);
  const { rows } = await sqlPool().query<{ within: boolean }>(namedParameters(`WITH ${ctes.join(", ")} SELECT ${within} AS "within"`, values));
  return rows[0]?.within === true;
}

export function consumeRateLimit(rule: RateLimitRule, subject: string): Promise<boolean> {
  return consumeRateLimits([{ rule, subject }]);
}

/** Whether the subject has used up the rule's attempts in the current window, without counting one. */
export async function rateLimitExhausted(rule: RateLimitRule, subject: string): Promise<boolean> {
  const { rows } = await sqlPool().query<{ exhausted: boolean }>(
    `SELECT "count" >= $2::int AND "windowStart" > now() - make_interval(secs => $3::int) AS "exhausted" FROM "rate_limits" WHERE "key" = $1::text`,
    [counterKey({ rule, subject }), rule.limit, rule.windowSeconds],
  );
  return rows[0]?.exhausted === true;
}
