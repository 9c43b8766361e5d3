// Where a visitor may be sent after signing in. Pure, so every hostile input
// is unit-tested (tests/unit/callback-path.test.ts).

// C0 controls and DEL: the URL parser drops tabs and newlines silently, so
// "/\t/evil" would otherwise turn into "//evil" after the check.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A path on this site: "/" alone, or a single "/" followed by something that
 * is neither "/" nor "\" (browsers read "//host" and "/\host" as another
 * host), with no control characters.
 */
function isLocalPath(path: string): boolean {
  return !CONTROL.test(path) && (path === "/" || /^\/[^/\\]/.test(path));
}

/**
 * The path and query of `value` when it names a page of the site at `base`,
 * else `fallback`. The rule is checked on the path percent-decoded once
 * (decoding only ever adds slashes, backslashes and controls): a proxy or a
 * later redirect that decodes "/%5Cevil" or "/%2F%2Fevil" would otherwise
 * hand the browser "/\evil" or "//evil".
 */
export function safeCallbackPath(value: unknown, base: string, fallback = "/organisation"): string {
  if (typeof value !== "string" || CONTROL.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(base).origin) return fallback;
  const path = `${url.pathname}${url.search}`;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return fallback;
  }
  return isLocalPath(decoded) ? path : fallback;
}
