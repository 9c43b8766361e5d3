// The mail the worker delivered to the suite's SMTP server (global-setup.ts
// stores each message as a file), read the way a mail client would.
import { readdirSync, readFileSync } from "node:fs";
import { simpleParser, type ParsedMail } from "mailparser";
import { MAIL_DIR } from "./deployment";

/** Waits for the newest message to `to` whose subject matches. */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 30_000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const file of readdirSync(MAIL_DIR).sort().reverse()) {
      const mail = await simpleParser(readFileSync(`${MAIL_DIR}/${file}`));
      const recipients = [mail.to].flat().flatMap((address) => address?.value.map((entry) => entry.address?.toLowerCase()) ?? []);
      if (recipients.includes(to.toLowerCase()) && subject.test(mail.subject ?? "")) return mail;
    }
    if (Date.now() > deadline) throw new Error(`No mail to ${to} with a subject like ${subject} within ${timeoutMs} ms (${MAIL_DIR})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The links in a message's plain-text part. */
export function linksIn(mail: ParsedMail): string[] {
  return [...(mail.text ?? "").matchAll(/https?:\/\/[^\s<>"]+/g)].map((match) => match[0]);
}
