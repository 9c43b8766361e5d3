import "server-only";
import { db } from "../db";
import { enqueueEmail } from "../email/enqueue-email";
import { renderSignInLink } from "../email/templates/sign-in-link";
import { env } from "../env";
import type { Locale } from "../i18n/catalogue";
import { getCurrentProgramme } from "../programmes/queries";

/**
 * next-auth's sendVerificationRequest: the link goes through our outbox like
 * every other message (SMTP or, without it, the built-in mailbox), never
 * through a transport of next-auth's own.
 */
export async function sendSignInLink(input: { identifier: string; url: string; expires: Date; locale: Locale }): Promise<void> {
  const programme = await getCurrentProgramme();
  const sender = { name: programme?.name ?? env().MAIL_FROM_NAME, contactEmail: programme?.contactEmail ?? env().MAIL_FROM_ADDRESS };
  const validMinutes = Math.max(1, Math.round((input.expires.getTime() - Date.now()) / 60_000));
  const email = renderSignInLink({ locale: input.locale, programme: sender, recipient: null, signInUrl: input.url, validMinutes });
  await db.$transaction(async (tx) => {
    await enqueueEmail(tx, { ...email, kind: "sign-in-link", to: input.identifier, replyTo: sender.contactEmail });
  });
}
