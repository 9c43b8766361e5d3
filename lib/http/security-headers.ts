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

export function staticSecurityHeaders(options: { production: boolean }): Record<string, string> {
  return {
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(options.production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
