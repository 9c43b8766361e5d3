// A short-lived cache of the public pages everybody loads during a
// registration rush (programme, workshop, registration form), kept by the
// launcher's HTTP server in front of Next.js (docs/decisions/0024).
//
// Next.js renders these pages per request: the proxy gives every page a CSP
// nonce, and the language comes from a cookie or Accept-Language. Here one
// rendering per page and language serves everybody for a few seconds; the
// cached copy gets a policy with the hashes of its own inline scripts instead
// of the nonce, so the nonce is never handed to two visitors.
//
// Pure apart from the clock and zlib: the launcher passes the request in and
// decides what to do with the answer (scripts/start.ts).
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";
import { gzipSync } from "node:zlib";
import { LOCALE_COOKIE, negotiateLocale } from "../i18n/locale";
import { documentContentSecurityPolicy, hashedContentSecurityPolicy } from "./security-headers";

// A page is served as it is for `freshMs` (PUBLIC_PAGE_CACHE_MS, 2 s by
// default; seat counts on it are at most that old, plus the listing's own
// second), and up to five times as long while one request renders it afresh.
const STALE_FACTOR = 5;
const MAX_PAGES = 500;

// The pages with nothing personal on them that everybody loads. Exact shapes,
// so that the cache holds one entry per real page at most. The ones without
// a client component are sent as plain documents, without Next.js's client
// runtime (withoutClientRuntime): everything on them is a link or a form.
const publicPages: { path: RegExp; document: boolean }[] = [
  { path: /^\/$/, document: true },
  { path: /^\/workshops\/[a-z0-9-]{1,100}$/, document: true },
  // The form: its fields are checked before sending by the one script a document keeps (documentScripts).
  { path: /^\/termine\/[0-9a-f-]{36}\/anmeldung$/, document: true },
  // The page every received registration lands on (the same for everyone: docs/decisions/0014).
  { path: /^\/termine\/[0-9a-f-]{36}\/anmeldung\/eingegangen$/, document: true },
  { path: /^\/instrumente(\/[a-z0-9-]{1,100})?$/, document: true },
];

// Pages for one visitor at a time that need no client code either: sent as
// documents, never shared. The sign-in pages (they set the sign-in's CSRF
// cookie and read their query), the manage pages behind a personal link, the
// confirmations, the evaluation form and its thanks, the certificate check
// (its query is the code), and the registration form when it cannot be shared
// (a visitor with a cookie) or answers its own post (the errors, without JavaScript).
const privateDocumentPaths = [
  /^\/anmelden(\/pruefen|\/link)?(\?|$)/,
  /^\/r\/[A-Za-z0-9_-]{1,100}(\/absagen|\/wechseln)?(\?|$)/,
  /^\/(bestaetigen|e-mail-bestaetigen|bewertung)\/[A-Za-z0-9_-]{1,100}(\?|$)/,
  /^\/bescheinigung\/pruefen(\?|$)/,
  /^\/termine\/[0-9a-f-]{36}\/anmeldung(\?|$)/,
];

/** The scripts a document keeps (same origin, no inline code): the inline form checks. */
export const FORM_CHECKS_SRC = "/form-checks.js";
const documentScripts = new Set([FORM_CHECKS_SRC]);

// Client-side navigation and server action requests carry these; their answers are not the page's HTML.
const nextRequestHeaders = ["rsc", "next-action", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"];

/**
 * The cache key for a request, or null when it must reach Next.js as it is:
 * not a GET of a listed page, a query string, a client navigation, or any
 * cookie apart from the language (a signed-in organiser, a sign-in in progress).
 */
export function publicPageKey(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): string | null {
  if (method !== "GET" || !url || url.includes("?")) return null;
  if (!publicPages.some(({ path }) => path.test(url))) return null;
  if (nextRequestHeaders.some((name) => headers[name] !== undefined)) return null;
  const cookies = parseCookies(headers.cookie);
  if ([...cookies.keys()].some((name) => name !== LOCALE_COOKIE)) return null;
  const acceptLanguage = headers["accept-language"];
  const locale = negotiateLocale(cookies.get(LOCALE_COOKIE), typeof acceptLanguage === "string" ? acceptLanguage : null);
  return `${locale} ${url}`;
}

/** Whether the shared copy of this page goes out without client scripts (a key from publicPageKey). */
export function isDocumentPage(key: string): boolean {
  const url = key.slice(key.indexOf(" ") + 1);
  return publicPages.some(({ path, document }) => document && path.test(url));
}

/** The preload hints carry the rendering's nonce; a page without that nonce in its policy must not hand it on. */
function withoutNonce<Link>(link: Link): Link {
  return (typeof link === "string" ? link.replace(/;\s*nonce="[^"]*"/g, "") : link) as Link;
}

/**
 * Whether a request that is not shared is for a page sent as a document all
 * the same: a GET, or a form a browser posts without JavaScript (the server
 * action's answer is the page again); never a client navigation or a
 * server action called by the client runtime.
 */
export function isPrivateDocumentRequest(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (!url || !privateDocumentPaths.some((path) => path.test(url))) return false;
  if (method !== "GET" && !(method === "POST" && /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/.test(String(headers["content-type"] ?? ""))))
    return false;
  return !nextRequestHeaders.some((name) => headers[name] !== undefined);
}

/**
 * One visitor's page as a document: the same body without client code and
 * the policy that forbids scripts, every other header (its cookie, no-store)
 * as rendered. Anything but a 200 HTML answer is left as it is.
 */
export function privateDocumentFrom(status: number, headers: OutgoingHttpHeaders, rendered: Buffer): { headers: OutgoingHttpHeaders; body: Buffer } {
  if (status !== 200 || !String(headers["content-type"] ?? "").startsWith("text/html")) return { headers, body: rendered };
  if (headers["content-encoding"] !== undefined && headers["content-encoding"] !== "identity") return { headers, body: rendered };
  const html = withoutClientRuntime(rendered.toString("utf8"));
  const body = Buffer.from(html);
  return {
    headers: { ...headers, link: withoutNonce(headers["link"]), "content-security-policy": documentPolicyFor(html), "content-length": body.length },
    body,
  };
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const separator = part.indexOf("=");
    const name = (separator === -1 ? part : part.slice(0, separator)).trim();
    if (name) cookies.set(name, separator === -1 ? "" : part.slice(separator + 1).trim());
  }
  return cookies;
}

/** The text of every inline script (no src) in an HTML document, as a browser hashes it for CSP. */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\ssrc\s*=/i.test(` ${match[1]}`)) scripts.push(match[2]!);
  }
  return scripts;
}

/**
 * The page without Next.js's client runtime: no script elements (the
 * framework's chunks and the inline React Server Components payload that
 * would hydrate the page) and no script preloads. What is left is the
 * server-rendered document with its styles, as a browser without JavaScript
 * sees it, plus the same-origin scripts of `documentScripts` (without the
 * rendering's nonce). Only for pages that are complete without their client
 * code: their client components need no code in the browser (a form's
 * useActionState renders the server's answer to its post), no Suspense
 * boundary streams in later.
 */
export function withoutClientRuntime(html: string): string {
  return html
    .replace(/<script\b([^>]*)>[\s\S]*?<\/script>/gi, (_script, attributes: string) => {
      const src = /\ssrc="([^"]*)"/.exec(` ${attributes}`)?.[1];
      return src && documentScripts.has(src) ? `<script${attributes.replace(/\s+nonce="[^"]*"/g, "")}></script>` : "";
    })
    .replace(/<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="script")[^>]*>/gi, "")
    .replace(/<link\b(?=[^>]*\brel="modulepreload")[^>]*>/gi, "");
}

/** A document's policy: no script at all, or only its own same-origin ones when it kept any. */
function documentPolicyFor(html: string): string {
  return documentContentSecurityPolicy({ scripts: /<script\b/i.test(html) });
}

export function scriptHash(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

export type CachedPage = {
  storedAt: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  gzip: Buffer;
  etag: string;
};

// Headers that belong to one response, not to the page: the launcher sets them per request or they are replaced here.
const perResponseHeaders = new Set([
  "connection",
  "content-encoding",
  "content-length",
  "content-security-policy",
  "cache-control",
  "date",
  "etag",
  "keep-alive",
  "strict-transport-security",
  "transfer-encoding",
  "vary",
  "x-request-id",
]);

/**
 * Turns a rendered answer into a cache entry, or null when it must not be
 * shared: anything but a complete 200 HTML page, or one that sets a cookie.
 */
export function cachedPageFrom(status: number, headers: OutgoingHttpHeaders, rendered: Buffer, now: number, options: { document: boolean }): CachedPage | null {
  if (status !== 200 || headers["set-cookie"] !== undefined) return null;
  if (!String(headers["content-type"] ?? "").startsWith("text/html")) return null;
  if (headers["content-encoding"] !== undefined && headers["content-encoding"] !== "identity") return null;
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!perResponseHeaders.has(name.toLowerCase()) && value !== undefined) kept[name] = value;
  }
  if (kept["link"] !== undefined) kept["link"] = withoutNonce(kept["link"]);
  const body = options.document ? Buffer.from(withoutClientRuntime(rendered.toString("utf8"))) : rendered;
  // A document runs nothing at all; a page with client code runs exactly its own inline scripts.
  kept["content-security-policy"] = options.document
    ? documentPolicyFor(body.toString("utf8"))
    : hashedContentSecurityPolicy(inlineScripts(body.toString("utf8")).map(scriptHash));
  // No personal data on these pages: the browser may keep them for back and
  // forward (no-store would forbid that) but asks again before reusing them.
  // private: the language depends on a cookie, so no shared cache may hold them.
  kept["cache-control"] = "private, no-cache";
  kept["vary"] = "Cookie, Accept-Language";
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { storedAt: now, headers: kept, body, gzip: gzipSync(body, { level: 6 }), etag };
}

export type PageLookup = { page: CachedPage; fresh: boolean } | null;

/** The entries, with the renderings in progress so that one request per page renders and the others wait for it. */
export class PublicPageCache {
  private readonly pages = new Map<string, CachedPage>();
  private readonly rendering = new Map<string, Promise<CachedPage | null>>();

  constructor(
    private readonly freshMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  lookup(key: string): PageLookup {
    const page = this.pages.get(key);
    if (!page) return null;
    const age = this.clock() - page.storedAt;
    if (age < this.freshMs) return { page, fresh: true };
    if (age < this.freshMs * STALE_FACTOR) return { page, fresh: false };
    this.pages.delete(key);
    return null;
  }

  renderingOf(key: string): Promise<CachedPage | null> | undefined {
    return this.rendering.get(key);
  }

  /** Registers a rendering in progress; its result is stored when it is shareable. */
  render(key: string, rendered: Promise<CachedPage | null>): Promise<CachedPage | null> {
    const stored = rendered
      .then((page) => {
        if (page && this.freshMs > 0) {
          this.pages.delete(key);
          if (this.pages.size >= MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
          this.pages.set(key, page);
        }
        return page;
      })
      .catch(() => null)
      .finally(() => this.rendering.delete(key));
    this.rendering.set(key, stored);
    return stored;
  }

  /** Everything at once: after an organiser's change in this process (other instances wait out freshMs). */
  clear(): void {
    this.pages.clear();
  }
}

/** The bytes and headers to send for a cached page to one request. */
export function cachedPageAnswer(page: CachedPage, requestHeaders: IncomingHttpHeaders): { status: number; headers: OutgoingHttpHeaders; body: Buffer } {
  const headers: OutgoingHttpHeaders = { ...page.headers, etag: page.etag };
  if (requestHeaders["if-none-match"] === page.etag) return { status: 304, headers, body: Buffer.alloc(0) };
  const gzip = /\bgzip\b/.test(String(requestHeaders["accept-encoding"] ?? ""));
  const body = gzip ? page.gzip : page.body;
  if (gzip) headers["content-encoding"] = "gzip";
  headers["content-length"] = body.length;
  return { status: 200, headers, body };
}
