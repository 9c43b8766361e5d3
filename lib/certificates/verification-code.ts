// Verification codes of certificates of attendance (docs/decisions/0029).
// Pure: no I/O besides the random source.
import { randomBytes } from "node:crypto";

/** 32 characters people can read back without mixing them up: no 0/O, no 1/I. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/** 20 characters of 5 bits each: 100 random bits. */
export const CODE_LENGTH = 20;
const GROUP = 4;

/** A fresh code, as stored (no separators). Each byte's low 5 bits pick a character: 256 is a multiple of 32, so every character is equally likely. */
export function createVerificationCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = "";
  for (const byte of bytes) code += CODE_ALPHABET[byte & 31];
  return code;
}

/** As printed and shown: groups of four, e.g. "7KQM-X3PA-…". */
export function formatVerificationCode(code: string): string {
  return code.match(new RegExp(`.{1,${GROUP}}`, "g"))?.join("-") ?? code;
}

/**
 * What someone typed, in the stored form, or null when it cannot be a code.
 * Case, spaces and dashes do not matter; characters outside the alphabet
 * (including 0, O, 1 and I) make it no code, so nothing is looked up.
 */
export function normaliseVerificationCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s\-‐‑–—]/g, "");
  if (compact.length !== CODE_LENGTH) return null;
  for (const character of compact) if (!CODE_ALPHABET.includes(character)) return null;
  return compact;
}
