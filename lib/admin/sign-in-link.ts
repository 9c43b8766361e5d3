import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import { authSecret } from "../auth/auth-secret";
import { signInLinkPageUrl } from "../auth/sign-in-link-page";
import { env } from "../env";

/** How long a sign-in link from the sign-in page works. */
export const SIGN_IN_LINK_MINUTES = 30;

/** How long an invitation's sign-in link works: a weekend plus a working day. */
export const INVITATION_HOURS = 72;

/**
 * A one-time sign-in link for the email provider, made the way next-auth v4
 * makes its own (next-auth/core/lib/email/signin.js): a random token in the
 * link, only sha256(token + secret) stored as a verification token, so the
 * link is verified by next-auth's own callback. The link names our page
 * /anmelden/link, not the callback: opening it spends nothing, only the
 * page's button does (docs/decisions/0013). Written in the caller's
 * transaction together with the email that carries it.
 * tests/integration/admin-users.test.ts signs in with such a link through
 * next-auth's handler, so a change in next-auth shows there.
 */
export async function createSignInLink(tx: Prisma.TransactionClient, email: string, expires: Date, callbackUrl = "/organisation"): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await tx.verificationToken.create({
    data: { identifier: email, token: createHash("sha256").update(`${token}${authSecret()}`).digest("hex"), expires },
    select: { token: true },
  });
  return signInLinkPageUrl(env().APP_URL, { token, email, callbackUrl });
}
