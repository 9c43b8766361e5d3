import { NextResponse, type NextRequest } from "next/server";
import { authCookieNames } from "./lib/auth/cookie-names";

/**
 * Convenience only: a visitor without any sign-in cookie goes straight to the
 * sign-in page. Every organiser page, read and action checks the signed-in
 * user itself; this proxy protects nothing.
 */
export function proxy(request: NextRequest) {
  const hasSession = [true, false].some((secure) => request.cookies.has(authCookieNames(secure).sessionToken));
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/anmelden", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/organisation", "/organisation/:path*"] };
