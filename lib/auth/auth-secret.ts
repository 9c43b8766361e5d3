import "server-only";
import { createHash } from "node:crypto";
import { env } from "../env";

/** next-auth's secret: it signs cookies and salts the stored hash of every sign-in token. */
export function authSecret(): string {
  const { AUTH_SECRET, DATABASE_URL } = env();
  if (AUTH_SECRET) return AUTH_SECRET;
  // env() refuses production without AUTH_SECRET; in development a fixed,
  // derived secret keeps sessions valid across restarts.
  return createHash("sha256").update(`komma-dev-only-auth-secret:${DATABASE_URL}`).digest("base64url");
}
