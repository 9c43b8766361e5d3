// The only reader of process.env. Validated once, on first use, so that
// `next build` can import modules without a database configured.
import { z } from "zod";

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
  TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
  /** Anyone may read the built-in mailbox (try-out setups only). Default: on outside production. */
  MAILBOX_OPEN: z.enum(["true", "false"]).optional(),
  /** Largest material file organisers may upload, in bytes (default 25 MiB). */
  MATERIAL_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(25 * 1024 * 1024),
});

export type Env = Omit<z.infer<typeof schema>, "MAILBOX_OPEN"> & { MAILBOX_OPEN: boolean };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const result = schema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join(".") || "(environment)"}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid environment configuration (see .env.example):\n${problems}`);
  }
  if (result.data.NODE_ENV === "production" && !result.data.AUTH_SECRET) {
    throw new Error("Invalid environment configuration (see .env.example):\n  AUTH_SECRET: required in production (32+ random characters)");
  }
  cached = { ...result.data, MAILBOX_OPEN: (result.data.MAILBOX_OPEN ?? (result.data.NODE_ENV === "production" ? "false" : "true")) === "true" };
  return cached;
}

/** Whether outgoing mail goes to the built-in mailbox instead of SMTP. */
export function usesBuiltInMailbox(): boolean {
  return !env().SMTP_URL;
}

/**
 * next-auth v4 reads its own base URL from process.env.NEXTAUTH_URL (and
 * falls back to http://localhost:3000). Hand it the validated APP_URL so that
 * sign-in links, redirects and the secure-cookie choice follow APP_URL.
 */
export function provideNextAuthUrl(): void {
  process.env.NEXTAUTH_URL = `${env().APP_URL.replace(/\/$/, "")}/api/auth`;
}
