import "server-only";
import { createSignInLink, SIGN_IN_LINK_MINUTES } from "../admin/sign-in-link";
import { db } from "../db";
import { enqueueEmail } from "../email/enqueue-email";
import { renderSignInLink } from "../email/templates/sign-in-link";
import { env } from "../env";
import type { Locale } from "../i18n/catalogue";
import { getCurrentProgramme } from "../programmes/queries";
import { mayRequestSignIn } from "./sign-in-policy";

export type SignInRequestOutcome = "sent" | "refused";

/**
 * The work behind "Link zum Einloggen anfordern": count the attempt, decide
 * (sign-in-policy.ts), and write the link's token and its mail to the outbox
 * in one transaction. Runs after the response is sent (lib/auth/options.ts),
 * so the visitor sees the same page in the same time whatever the outcome;
 * the outcome is for tests and logs only.
 */
export async function requestSignInLink(input: { email: string; locale: Locale; callbackUrl: string; now?: Date }): Promise<SignInRequestOutcome> {
  const address = input.email.trim().toLowerCase();
  if (!(await mayRequestSignIn(address))) return "refused";
  const programme = await getCurrentProgramme();
  const sender = { name: programme?.name ?? env().MAIL_FROM_NAME, contactEmail: programme?.contactEmail ?? env().MAIL_FROM_ADDRESS };
  const expires = new Date((input.now ?? new Date()).getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  await db.$transaction(async (tx) => {
    const signInUrl = await createSignInLink(tx, address, expires, input.callbackUrl);
    const email = renderSignInLink({ locale: input.locale, programme: sender, recipient: null, signInUrl, validMinutes: SIGN_IN_LINK_MINUTES });
    await enqueueEmail(tx, { ...email, kind: "sign-in-link", to: address, replyTo: sender.contactEmail });
  });
  return "sent";
}
