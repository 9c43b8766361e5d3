import "server-only";
import { createHash } from "node:crypto";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { cookies, headers } from "next/headers";
import { db } from "../db";
import { env, provideNextAuthUrl } from "../env";
import { defaultLocale, type Locale } from "../i18n/catalogue";
import { LOCALE_COOKIE, negotiateLocale } from "../i18n/locale";
import { sendSignInLink } from "./send-sign-in-link";
import { mayRequestSignIn, maySignIn } from "./sign-in-policy";

/** How long a sign-in link works. */
export const SIGN_IN_LINK_MINUTES = 30;

function authSecret(): string {
  const { AUTH_SECRET, DATABASE_URL } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  // env() refuses production without AUTH_SECRET; in development a fixed,
  // derived secret keeps sessions valid across restarts.
  return createHash("sha256").update(`komma-dev-only-auth-secret:${DATABASE_URL}`).digest("base64url");
}

async function requestLocale(): Promise<Locale> {
  try {
    return negotiateLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
  } catch {
    return defaultLocale;
  }
}

/**
 * Our models are named apart from next-auth's defaults (a `Session` is a
 * workshop date here), so the adapter gets the delegates it expects under
 * its own names. It never creates users: sign-in is refused for unknown
 * addresses before that point (see sign-in-policy.ts).
 */
function adapter(): AuthOptions["adapter"] {
  const delegates = { user: db.user, account: db.account, session: db.authSession, verificationToken: db.verificationToken };
  const base = PrismaAdapter(delegates as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    createUser: async () => {
      throw new Error("Users are created by administrators (npm run user:add), never by signing in");
    },
  };
}

let cached: AuthOptions | undefined;

/** Built on first use: importing this module must not need the environment (next build). */
export function authOptions(): AuthOptions {
  if (cached) return cached;
  provideNextAuthUrl();
  const verifyRequestUrl = `${env().APP_URL.replace(/\/$/, "")}/api/auth/verify-request?provider=email&type=email`;
  cached = {
    secret: authSecret(),
    adapter: adapter(),
    session: { strategy: "database", maxAge: 8 * 60 * 60, updateAge: 15 * 60 },
    pages: { signIn: "/anmelden", verifyRequest: "/anmelden/pruefen", error: "/anmelden", signOut: "/abmelden" },
    providers: [
      EmailProvider({
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        from: env().MAIL_FROM_ADDRESS,
        async sendVerificationRequest({ identifier, url, expires }) {
          await sendSignInLink({ identifier, url, expires, locale: await requestLocale() });
        },
      }),
    ],
    callbacks: {
      async signIn({ user, email }) {
        const address = user.email;
        if (!address) return false;
        if (email?.verificationRequest) {
          // Known or not, the visitor sees the same "check your email" page.
          return (await mayRequestSignIn(address)) ? true : verifyRequestUrl;
        }
        return maySignIn(address);
      },
      async session({ session, user }) {
        return { ...session, user: { name: user.name ?? null, email: user.email } };
      },
    },
  };
  return cached;
}
