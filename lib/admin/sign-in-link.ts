import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import { authOptions } from "../auth/options";
import { env } from "../env";

/** How long an invitation's sign-in link works: a weekend plus a working day. */
export const INVITATION_HOURS = 72;

/**
 * A one-time sign-in link for the email provider, made the way next-auth v4
 * makes its own (next-auth/core/lib/email/signin.js): a random token in the
 * link, only sha256(token + secret) stored as a verification token, so the
 * link is verified by next-auth's own callback and used up on the first
 * click. Written in the caller's transaction together with the email that
 * carries it. tests/integration/admin-users.test.ts signs in with such a link
 * through next-auth's handler, so a change in next-auth shows there.
 */
export async function createSignInLink(tx: Prisma.TransactionClient, email: string, expires: Date): Promise<string> {
  const token = randomBytes(32).toString("hex");
  const secret = authOptions().secret;
  if (!secret) throw new Error("next-auth has no secret");
  await tx.verificationToken.create({
    data: { identifier: email, token: createHash("sha256").update(`${token}${secret}`).digest("hex"), expires },
    select: { token: true },
  });
  const base = env().APP_URL.replace(/\/$/, "");
  const params = new URLSearchParams({ callbackUrl: `${base}/organisation`, token, email });
  return `${base}/api/auth/callback/email?${params.toString()}`;
}
