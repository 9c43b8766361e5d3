// The embedding allowlist form. Shared by form and server; no server imports.
import { z } from "zod";

/** "https://www.kommune.de" or "http://localhost:3228": scheme, host and port only, the form a CSP source and an Origin header take. */
export function normaliseOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.username || url.password || (url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** One origin per line; blank lines dropped; duplicates once. */
export const embedOriginsSchema = z.object({
  origins: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(/\r\n?|\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).max(20, { error: "tooManyLines" }))
    .transform((lines, context) => {
      const origins = lines.map(normaliseOrigin);
      if (origins.some((origin) => origin === null)) context.addIssue({ code: "custom", message: "origin" });
      return [...new Set(origins.filter((origin): origin is string => origin !== null))];
    }),
});
