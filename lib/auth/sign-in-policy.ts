import "server-only";
import { db } from "../db";
import { env } from "../env";
import { consumeRateLimit, type RateLimitRule } from "../rate-limit/consume-rate-limit";
import { recordAudit } from "../audit/record-audit";
import { addUser } from "./add-user";

const signInPerEmail: RateLimitRule = { name: "signin:email", limit: 5, windowSeconds: 900 };

/**
 * Whether a sign-in link may be sent to this address. There is no self
 * sign-up: only existing, active users get one. An address listed in
 * ADMIN_EMAILS without a user becomes an administrator here (first admin).
 * Every address counts against the per-address limit, known or not, so
 * that the work done does not depend on whether it is known. Callers answer
 * the same whatever this returns.
 */
export async function mayRequestSignIn(email: string): Promise<boolean> {
  const address = email.trim().toLowerCase();
  const withinLimit = await consumeRateLimit(signInPerEmail, address);
  const user = await db.user.findUnique({ where: { email: address }, select: { active: true } });
  if (user) return user.active && withinLimit;
  if (!withinLimit || !env().ADMIN_EMAILS.includes(address)) return false;
  await db.$transaction(async (tx) => {
    const { id, created } = await addUser(tx, { email: address, role: "ADMIN" });
    if (created)
      await recordAudit(tx, {
        actor: null,
        action: "user.create",
        subjectType: "user",
        subjectId: id,
        details: { email: address, role: "ADMIN", via: "ADMIN_EMAILS" },
      });
  });
  return true;
}

/** At the link's callback: the user must still exist and be active. */
export async function maySignIn(email: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { active: true } });
  return user?.active === true;
}
