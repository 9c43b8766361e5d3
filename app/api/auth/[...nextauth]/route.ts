import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { isSignInButtonPost, readSignInLinkParams, signInLinkPageUrl } from "@/lib/auth/sign-in-link-page";
import { env } from "@/lib/env";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request on first use: `next build` imports this file without any environment.
async function handler(request: NextRequest, context: Context): Promise<Response> {
  const [action, provider] = (await context.params).nextauth;
  if (action === "callback" && provider === "email" && !isSignInButtonPost(request.method, request.headers, env().APP_URL)) {
    // Scanners, old mails and other sites land on the page with the button; nothing is spent (docs/decisions/0013).
    const params = readSignInLinkParams(request.nextUrl.searchParams);
    const page = params ? signInLinkPageUrl(env().APP_URL, params) : `${env().APP_URL.replace(/\/$/, "")}/anmelden?error=Verification`;
    return new Response(null, { status: 303, headers: { Location: page, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
  }
  if (action === "signin" && provider === "email" && request.method === "POST") {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    return NextAuth(request, context, authOptions({ signInCallbackUrl: form?.get("callbackUrl") ?? "/organisation" }));
  }
  return NextAuth(request, context, authOptions());
}

export { handler as GET, handler as POST };
