// What the request log may say about a URL. Pure. The query string is never
// logged (sign-in callbacks and invitations carry their token there), a
// manage link's token is masked (/r/<token>/… is someone's registration),
// and so is any other segment that looks like a secret or an address.

/** Longer paths are cut: the log line stays readable and bounded. */
const MAX_PATH_LENGTH = 200;

// Random tokens (manage links: 43 characters of base64url) as opposed to
// slugs (lower-case words with hyphens) and ids (UUIDs), which are not secret.
const tokenLike = /^[A-Za-z0-9_-]{20,}$/;
const slugLike = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function maskSegment(segment: string, index: number, segments: string[]): string {
  if (index === 1 && segments[0] === "r") return ":token";
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Left as sent.
  }
  if (decoded.includes("@")) return ":address";
  if (tokenLike.test(decoded) && !slugLike.test(decoded) && !uuidLike.test(decoded)) return ":token";
  return segment;
}

/** The request target as logged: path only, private segments masked. */
export function loggablePath(target: string | undefined): string {
  const path = (target ?? "/").split(/[?#]/, 1)[0] || "/";
  // An absolute-form target (GET http://host/path) counts by its path.
  const pathname = /^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "") || "/" : path;
  const segments = pathname.split("/").slice(1);
  const masked = `/${segments.map(maskSegment).join("/")}`;
  return masked.length > MAX_PATH_LENGTH ? `${masked.slice(0, MAX_PATH_LENGTH)}…` : masked;
}

const saneRequestId = /^[A-Za-z0-9._:-]{8,128}$/;

/** An incoming X-Request-Id (a proxy's) is kept when it is a plain id; anything else is replaced. */
export function acceptedRequestId(incoming: string | string[] | undefined, generate: () => string): string {
  return typeof incoming === "string" && saneRequestId.test(incoming) ? incoming : generate();
}
