// next-auth's secret, derived from the environment. Pure, so that the proxy
// (which mints the sign-in form's CSRF cookie) and next-auth use the same one.
import { createHash } from "node:crypto";

export function deriveAuthSecret({ AUTH_SECRET, DATABASE_URL }: { AUTH_SECRET?: string; DATABASE_URL: string }): string {
  if (AUTH_SECRET) return AUTH_SECRET;
  // env() refuses production without AUTH_SECRET; in development a fixed,
  // derived secret keeps sessions valid across restarts.
  return createHash("sha256").update(`komma-dev-only-auth-secret:${DATABASE_URL}`).digest("base64url");
}
