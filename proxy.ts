import { NextResponse, type NextRequest } from "next/server";
import { authCookieNames } from "./lib/auth/cookie-names";
import { env } from "./lib/env";
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
      // From APP_URL, never the request's Host: behind a proxy that is an internal name.
      const signIn = new URL("/anmelden", env().APP_URL);
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
  // HSTS comes from the launcher's HTTP server (lib/http/security-headers.ts).
  for (const [name, value] of Object.entries(staticSecurityHeaders())) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  // Pages and route handlers; not Next.js' static files, and not the public
  // JSON API, whose headers next.config.ts sets.
  // Nor the health checks, polled every few seconds by a load balancer.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/v1/|healthz|readyz).*)" }],
};
