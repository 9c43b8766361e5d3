import "server-only";
import { env } from "../env";
import { deriveAuthSecret } from "./derive-auth-secret";

/** next-auth's secret: it signs cookies and salts the stored hash of every sign-in token. */
export function authSecret(): string {
  return deriveAuthSecret(env());
}
