import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { AuthOptions, CallbacksOptions } from "next-auth";
import type { AdapterSession } from "next-auth/adapters";
import EmailProvider from "next-auth/providers/email";
import { cookies, headers } from "next/headers";
import { after } from "next/server";
import { SIGN_IN_LINK_MINUTES } from "../admin/sign-in-link";
import { db } from "../db";
import { env, provideNextAuthUrl } from "../env";
import { defaultLocale, type Locale } from "../i18n/catalogue";
import { LOCALE_COOKIE, negotiateLocale } from "../i18n/locale";
import { authSecret } from "./auth-secret";
import { safeCallbackPath } from "./callback-path";
import { requestSignInLink } from "./request-sign-in-link";
import { maySignIn } from "./sign-in-policy";

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
 *
 * The Prisma adapter's delete and update throw when the row is gone. A
 * browser may hold a session cookie whose row no longer exists (signed out
 * elsewhere, deactivated and reactivated, expired and cleaned up, or made
 * up); next-auth deletes that session when the person signs in again, and
 * a throw there failed every sign-in until the cookie was cleared. A
 * missing row is what a delete wants anyway.
 */
function adapter(): AuthOptions["adapter"] {
  const delegates = { user: db.user, account: db.account, session: db.authSession, verificationToken: db.verificationToken };
  const base = PrismaAdapter(delegates as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    createUser: async () => {
      throw new Error("Users are created by administrators (npm run user:add), never by signing in");
    },
    // A deactivated user's session counts as none, so next-auth clears its cookie.
    getSessionAndUser: async (sessionToken) => {
      const found = await base.getSessionAndUser!(sessionToken);
      return found && (found.user as { active?: boolean }).active !== false ? found : null;
    },
    // next-auth reads nothing back from these two.
    updateSession: async ({ sessionToken, ...data }: Partial<AdapterSession> & Pick<AdapterSession, "sessionToken">) => {
      await db.authSession.updateMany({ where: { sessionToken }, data });
      return null;
    },
    deleteSession: async (sessionToken) => {
      await db.authSession.deleteMany({ where: { sessionToken } });
      return null;
    },
  };
}

/**
 * "Link zum Einloggen anfordern": every address gets the same redirect to
 * the "check your email" page at once, and the work that depends on the
 * address (lookup, rate limit, token, mail) runs after the response, so
 * neither the answer nor its timing tells whether the address is known
 * (docs/decisions/0013). next-auth's own token and mail step is never
 * reached: a string from this callback ends its request.
 */
function signInCallback(callbackUrl: string): CallbacksOptions["signIn"] {
  return async ({ user, email }) => {
    const address = user.email;
    if (!address) return false;
    if (!email?.verificationRequest) return maySignIn(address);
    const locale = await requestLocale();
    after(async () => {
      try {
        await requestSignInLink({ email: address, locale, callbackUrl });
      } catch (error) {
        // No address in the log; the visitor has already been answered.
        console.error("sign-in link request failed", error);
      }
    });
    return `${env().APP_URL.replace(/\/$/, "")}/api/auth/verify-request?provider=email&type=email`;
  };
}

let cached: AuthOptions | undefined;

/**
 * Built on first use: importing this module must not need the environment
 * (next build). `signInCallbackUrl` is where the link of a sign-in request
 * leads; next-auth does not hand it to the signIn callback, so the route
 * handler reads it from the form and passes it here.
 */
export function authOptions(request: { signInCallbackUrl?: unknown } = {}): AuthOptions {
  cached ??= buildAuthOptions();
  if (request.signInCallbackUrl === undefined) return cached;
  const callbackUrl = safeCallbackPath(request.signInCallbackUrl, env().APP_URL);
  return { ...cached, callbacks: { ...cached.callbacks, signIn: signInCallback(callbackUrl) } };
}

function buildAuthOptions(): AuthOptions {
  provideNextAuthUrl();
  return {
    secret: authSecret(),
    adapter: adapter(),
    session: { strategy: "database", maxAge: 8 * 60 * 60, updateAge: 15 * 60 },
    pages: { signIn: "/anmelden", verifyRequest: "/anmelden/pruefen", error: "/anmelden", signOut: "/abmelden" },
    providers: [
      EmailProvider({
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        from: env().MAIL_FROM_ADDRESS,
        sendVerificationRequest() {
          throw new Error("Sign-in links are sent by requestSignInLink (lib/auth/request-sign-in-link.ts), never by next-auth");
        },
      }),
    ],
    callbacks: {
      signIn: signInCallback("/organisation"),
      // Also for callbackUrl on /api/auth/*: only paths on this site, the rule of the sign-in page.
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
      async session({ session, user }) {
        return { ...session, user: { name: user.name ?? null, email: user.email } };
      },
    },
  };
}
