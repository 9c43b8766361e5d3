import { NextResponse, type NextRequest } from "next/server";
import { authCookieNames, csrfTokenFromCookie, newCsrfCookieValue } from "./lib/auth/cookie-names";
import { deriveAuthSecret } from "./lib/auth/derive-auth-secret";
import { env } from "./lib/env";
import { isCrossSiteWrite, isDecodablePath, originForOwnForm, requestSiteHeaders } from "./lib/http/request-guards";
import { RENAMED_PATH_STATUS, renamedPathTarget } from "./lib/http/renamed-paths";
import { contentSecurityPolicy, referrerPolicyFor, staticSecurityHeaders } from "./lib/http/security-headers";
import { negotiateLocale } from "./lib/i18n/locale";
import { translator } from "./lib/i18n/translator";

/**
 * Every page gets a fresh CSP nonce (Next.js reads it from the request's
 * header and puts it on its own scripts) and the security headers.
 *
 * For /organisation only, as a convenience, a visitor without any sign-in
 * cookie goes straight to the sign-in page. Every organiser page, read and
 * action checks the signed-in user itself; this redirect protects nothing.
 */
export function proxy(request: NextRequest) {
  const refused = refuseMalformed(request);
  if (refused) return refused;
  const { pathname, search } = request.nextUrl;
  const renamedTo = renamedPathTarget(pathname, search);
  if (renamedTo) {
    // From APP_URL, as the sign-in redirect below: behind a proxy the request's Host is an internal name.
    const moved = NextResponse.redirect(new URL(renamedTo, env().APP_URL), RENAMED_PATH_STATUS);
    return withSecurityHeaders(moved, pathname);
  }
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
  const ownFormOrigin = originForOwnForm(
    { ...requestSiteHeaders(request.headers), forwardedHost: request.headers.get("x-forwarded-host") },
    request.nextUrl.protocol,
  );
  if (ownFormOrigin) requestHeaders.set("origin", ownFormOrigin);
  const csrfCookie = pathname === "/anmelden" ? mintCsrfCookie(request, requestHeaders) : null;
  const response = isDecodablePath(pathname)
    ? NextResponse.next({ request: { headers: requestHeaders } })
    : NextResponse.rewrite(new URL("/nicht-gefunden", request.url), { request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (csrfCookie) response.cookies.set(csrfCookie.name, csrfCookie.value, { httpOnly: true, sameSite: "lax", path: "/", secure: csrfCookie.secure });
  return withSecurityHeaders(response, pathname);
}

/**
 * The sign-in form needs next-auth's CSRF cookie. A first visit has none:
 * it is made here, in next-auth's format, and handed to the page with the
 * request as well, so the form comes on the first answer (formerly a
 * redirect through /api/auth/signin that added error=Cookies).
 */
function mintCsrfCookie(request: NextRequest, requestHeaders: Headers): { name: string; value: string; secure: boolean } | null {
  const secure = env().APP_URL.startsWith("https://");
  const name = authCookieNames(secure).csrfToken;
  if (csrfTokenFromCookie(request.cookies.get(name)?.value)) return null;
  const { value } = newCsrfCookieValue(deriveAuthSecret(env()));
  const others = request.headers.get("cookie");
  requestHeaders.set("cookie", `${others ? `${others}; ` : ""}${name}=${value}`);
  return { name, value, secure };
}

function withSecurityHeaders(response: NextResponse, pathname?: string): NextResponse {
  // HSTS comes from the launcher's HTTP server (lib/http/security-headers.ts).
  for (const [name, value] of Object.entries(staticSecurityHeaders())) {
    response.headers.set(name, value);
  }
  if (pathname) response.headers.set("Referrer-Policy", referrerPolicyFor(pathname));
  return response;
}

/**
 * Requests Next.js would answer with a 500 (lib/http/request-guards.ts): a
 * cross-site POST is refused; a public API path that cannot be
 * percent-decoded is not found, in the API's JSON shape (such a page path
 * is rewritten to the not-found page below).
 */
function refuseMalformed(request: NextRequest): NextResponse | Response | null {
  const { pathname } = request.nextUrl;
  const locale = () => negotiateLocale(undefined, request.headers.get("accept-language"));
  if (pathname.startsWith("/api/") && !isDecodablePath(pathname)) {
    const language = locale();
    const message = translator(language, "errors")("not-found");
    return Response.json(
      { error: { code: "not-found", message, retryable: false } },
      { status: 404, headers: { "Cache-Control": "no-store", "Content-Language": language } },
    );
  }
  // The public API decides for itself (it is meant to be called from elsewhere).
  if (pathname.startsWith("/api/v1/")) return NextResponse.next();
  if (
    isCrossSiteWrite({
      method: request.method,
      origin: request.headers.get("origin"),
      fetchSite: request.headers.get("sec-fetch-site"),
      host: request.headers.get("host"),
      appUrl: () => env().APP_URL,
    })
  ) {
    return new Response(translator(locale(), "errors")("cross-site"), {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return null;
}

export const config = {
  // Pages and route handlers; not Next.js' static files, not the public JSON
  // API (next.config.ts sets its headers), not the health checks (polled
  // every few seconds by a load balancer), and not the material upload:
  // Next.js copies the body of every request the proxy sees into memory and
  // cuts it at 10 MB (the upload route checks where a post comes from
  // itself). Not a mail's HTML in the mailbox (its route sets a sandboxing
  // CSP of its own). Not the pages for embedding either: their frame-ancestors come
  // from the programme's allowlist (lib/embed/embed-response.ts).
  // Public API paths with a percent sign come here too, for the decoding check only.
  matcher: [
    { source: "/((?!_next/static|_next/image|favicon.ico|api/v1/|healthz|readyz|organisation/materialien/hochladen$|postfach/[^/]+/html$|einbetten).*)" },
    { source: "/api/v1/:path(.*%.*)" },
  ],
};
