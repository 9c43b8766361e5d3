// Security headers for every page. Pure, so the policy is unit-tested.

/**
 * Content-Security-Policy with a per-request nonce: no inline script runs
 * unless Next.js marked it with the nonce ('strict-dynamic' lets those load
 * their chunks). Nothing is ever loaded from another host. Styles allow
 * inline attributes (React style props); scripts never do.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${options.development ? " ws:" : ""}`,
    "frame-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * The same policy for a page rendered once and served to many (the public
 * page cache, lib/http/public-page-cache.ts): instead of a nonce, which would
 * then be shared, the hashes of exactly the inline scripts in that page.
 * Without 'strict-dynamic' the page's own script files load by 'self'; still
 * nothing from another host and no inline script that was not rendered here.
 */
export function hashedContentSecurityPolicy(scriptHashes: string[]): string {
  return contentSecurityPolicy("", { development: false }).replace(/script-src [^;]*/, ["script-src 'self'", ...scriptHashes].join(" "));
}

/** For a page sent without its client runtime (lib/http/public-page-cache.ts): no script may run, or only the page's own same-origin script files. */
export function documentContentSecurityPolicy(options: { scripts: boolean } = { scripts: false }): string {
  return contentSecurityPolicy("", { development: false }).replace(/script-src [^;]*/, options.scripts ? "script-src 'self'" : "script-src 'none'");
}

/**
 * For the pages made for embedding (/einbetten): only the programme's listed
 * origins may frame them (everything else keeps frame-ancestors 'none'),
 * nothing loads from anywhere, the one script is the nonce'd height report.
 * An empty list means no site at all.
 */
export function embedContentSecurityPolicy(origins: string[], nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    `frame-ancestors ${origins.length > 0 ? origins.join(" ") : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** For JSON API responses: nothing in them may run, load or be framed. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

export function staticSecurityHeaders(): Record<string, string> {
  return {
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

// Pages whose address holds a private token (a manage or confirmation link,
// the sign-in link page, an evaluation link, the built-in mailbox with everyone's links): their
// address must never leave in a Referer. A page's own <meta name="referrer">
// is not enough: the header sent for every other page would say otherwise,
// the meta element only counts once the browser has parsed it, and a
// calendar file or a redirect has none.
const privatePaths = [
  /^\/r(\/|$)/,
  /^\/bewertung\/(?!danke$)/,
  /^\/bescheinigung\/pruefen(\/|$)/,
  /^\/bestaetigen(\/|$)/,
  /^\/anmelden\/link(\/|$)/,
  /^\/postfach(\/|$)/,
  /^\/mailbox(\/|$)/,
  /^\/api\/auth\/callback(\/|$)/,
];

export function referrerPolicyFor(pathname: string): "no-referrer" | "strict-origin-when-cross-origin" {
  return privatePaths.some((path) => path.test(pathname)) ? "no-referrer" : "strict-origin-when-cross-origin";
}

/**
 * HSTS where people reach the app over https (APP_URL), and only there: a
 * production build served over plain http (a test host, an intranet name)
 * must not tell browsers to refuse http for two years. The launcher's HTTP
 * server (scripts/start.ts) adds it to every response, static files and the
 * JSON API included, because only it knows APP_URL at run time (next.config.ts
 * headers are fixed at build time).
 */
export function transportSecurityHeaders(appUrl: string): Record<string, string> {
  return new URL(appUrl).protocol === "https:" ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {};
}
