// Private manage links: 256 random bits, base64url; only the SHA-256 is stored.
import { createHash, randomBytes } from "node:crypto";

export function hashManageToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function createManageToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashManageToken(token) };
}

/** Shape check before any database lookup (43 base64url characters). */
export function looksLikeManageToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
