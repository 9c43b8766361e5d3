import { NextResponse, type NextRequest } from "next/server";
import { authCookieNames } from "./lib/auth/cookie-names";
import { contentSecurityPolicy, staticSecurityHeaders } from "./lib/http/security-headers";

/**
 * Every page gets a fresh CSP nonce (Next.js reads it from the request's
 * header and puts it on its own scripts) and the security headers.
 *
 * For /organisation only, as a convenience, a visitor without any sign-in
 * cookie goes straight to the sign-in page. Every organiser page, read and
 * action checks the signed-in user itself; this redirect protects nothing.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname === "/organisation" || pathname.startsWith("/organisation/")) {
    const hasSession = [true, false].some((secure) => request.cookies.has(authCookieNames(secure).sessionToken));
    if (!hasSession) {
      const signIn = new URL("/anmelden", request.url);
      signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
      return withSecurityHeaders(NextResponse.redirect(signIn));
    }
  }

  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return withSecurityHeaders(response);
}

function withSecurityHeaders(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(staticSecurityHeaders({ production: process.env.NODE_ENV === "production" }))) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  // Pages and route handlers; not Next.js' static files, not the public JSON
  // API, and not the material upload: Next.js copies the body of every request
  // the proxy sees into memory and cuts it at 10 MB. next.config.ts sets their
  // headers. Not the pages for embedding either: their frame-ancestors come
  // from the programme's allowlist (lib/embed/embed-response.ts).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/v1/|organisation/materialien/hochladen$|einbetten).*)" }],
};
