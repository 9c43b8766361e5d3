// npm run user:sign-in-link -- person@kommune.de
// Prints a one-time sign-in link (valid 30 minutes) for an active user, or
// for an address in ADMIN_EMAILS, to this terminal instead of mailing it:
// the first administrator's way in when the installation sends no mail yet.
// The link opens /anmelden/link on APP_URL; the button there signs in.
import "./load-env";
import { z } from "zod";
import { issueSignInLink } from "../lib/admin/issue-sign-in-link";
import { disconnectDb } from "../lib/db";

const email = z.email().safeParse(process.argv[2]?.trim().toLowerCase());
if (!email.success) {
  console.error(`Not an email address: ${process.argv[2] ?? "(none)"}\nUsage: npm run user:sign-in-link -- person@kommune.de`);
  process.exit(2);
}
const outcome = await issueSignInLink(email.data);
await disconnectDb();
if (!outcome.ok) {
  console.error(
    outcome.code === "unknown-user"
      ? `No user ${email.data}. Create one first: npm run user:add -- ${email.data} --role ADMIN`
      : `User ${email.data} is deactivated; an administrator can reactivate them.`,
  );
  process.exit(1);
}
console.log(
  `One-time sign-in link for ${email.data}, valid until ${outcome.expires.toISOString()}:\n\n${outcome.url}\n\nOpen it in a browser and press "Jetzt einloggen". Do not share it.`,
);
