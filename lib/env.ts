// The only reader of process.env. Validated once, on first use, so that
// `next build` can import modules without a database configured.
import { z } from "zod";
import { parseTrustProxy, type TrustProxy } from "./http/resolve-client-address";
import { decideRuntimeMode, describeRefusal } from "./runtime/decide-runtime-mode";

const emailList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.email()));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  APP_URL: z.url().default("http://localhost:3000"),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM_NAME: z.string().min(1).default("KommA-Anmeldung"),
  MAIL_FROM_ADDRESS: z.email().default("anmeldung@komma.example.org"),
  AUTH_SECRET: z.string().min(32).optional(),
  ADMIN_EMAILS: emailList,
  IMPRINT_URL: z.url().optional(),
  PRIVACY_URL: z.url().optional(),
  PROGRAMME_SLUG: z.string().min(1).default("komma"),
  OUTBOX_WORKER: z.enum(["inline", "off"]).default("inline"),
  /** Which hops may name the client in X-Forwarded-For (lib/http/resolve-client-address.ts). */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context): TrustProxy => {
      const parsed = parseTrustProxy(value);
      if (parsed.ok) return parsed.trust;
      context.addIssue({ code: "custom", message: parsed.problem });
      return z.NEVER;
    }),
  /** Anyone may read the built-in mailbox (try-out setups only). Default: on in try-out, never in production. */
  MAILBOX_OPEN: z.enum(["true", "false"]).optional(),
  /** Largest material file organisers may upload, in bytes (default 25 MiB). */
  MATERIAL_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  /** Try-out setup although NODE_ENV=production (lib/runtime/decide-runtime-mode.ts); the launcher sets it for `npm start`. */
  KOMMA_TRYOUT: z.enum(["true", "false"]).optional(),
  /** "mailbox": keep all mail in the built-in mailbox even without SMTP_URL in production. */
  MAIL_DELIVERY: z.enum(["smtp", "mailbox"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * How long the launcher serves a rendered public page (programme, workshop,
   * registration form) to everybody, in milliseconds (docs/decisions/0024).
   * 0 renders every request; at most 10 s, seat counts on the pages are this old.
   */
  PUBLIC_PAGE_CACHE_MS: z.coerce.number().int().min(0).max(10_000).default(2_000),
});

export type Env = Omit<z.infer<typeof schema>, "MAILBOX_OPEN" | "KOMMA_TRYOUT"> & {
  MAILBOX_OPEN: boolean;
  /** True in the try-out setup (no fallback is taken otherwise). */
  tryOut: boolean;
};

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const decision = decideRuntimeMode(process.env);
  if (decision.problems.length > 0) throw new Error(describeRefusal(decision));
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(environment)"}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment configuration (see .env.example):\n${problems}`);
  }
  const tryOut = decision.mode === "try-out";
  // Never open by default in production: the mailbox holds everyone's private links.
  cached = { ...result.data, tryOut, MAILBOX_OPEN: (result.data.MAILBOX_OPEN ?? (tryOut ? "true" : "false")) === "true" };
  return cached;
}

/** Whether outgoing mail goes to the built-in mailbox instead of SMTP. */
export function usesBuiltInMailbox(): boolean {
  const { MAIL_DELIVERY, SMTP_URL } = env();
  return MAIL_DELIVERY === "mailbox" || !SMTP_URL;
}

/** Whether people reach the app over https (cookies Secure, HSTS), whatever the proxy in front speaks to it. */
export function appUsesHttps(): boolean {
  return new URL(env().APP_URL).protocol === "https:";
}

/** LOG_LEVEL alone: the logger is needed before the rest of the environment is complete (the launcher's first lines). */
export function logLevel(): Env["LOG_LEVEL"] {
  return schema.shape.LOG_LEVEL.catch("info").parse(process.env.LOG_LEVEL);
}

/**
 * next-auth v4 reads its own base URL from process.env.NEXTAUTH_URL (and
 * falls back to http://localhost:3000). Hand it the validated APP_URL so that
 * sign-in links, redirects and the secure-cookie choice follow APP_URL.
 */
export function provideNextAuthUrl(): void {
  process.env.NEXTAUTH_URL = `${env().APP_URL.replace(/\/$/, "")}/api/auth`;
}
