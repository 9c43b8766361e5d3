import "server-only";
import { env } from "../env";
import { createManageToken, hashManageToken, looksLikeManageToken } from "./manage-token";

// The double opt-in token: the same kind of secret as a manage link (256
// random bits, only the SHA-256 stored), but a different one, sent only in the
// opt-in email, so that only the mailbox owner can confirm (docs/decisions/0014).

export const createConfirmToken = createManageToken;
export const hashConfirmToken = hashManageToken;
export const looksLikeConfirmToken = looksLikeManageToken;

export function confirmUrlFor(token: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}/bestaetigen/${token}`;
}
