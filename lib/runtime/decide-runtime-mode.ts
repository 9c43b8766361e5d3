// Which of the two setups a process runs as, decided from the environment
// alone. Pure: the launcher (scripts/start.ts) asks before it starts
// anything, lib/env.ts asks again for every other entry point (the worker, a
// bare `next start`). docs/decisions/0012-safe-modes-and-client-addresses.md
//
// try-out: no configuration needed. Without DATABASE_URL an embedded
//   database, an open mailbox and a default administrator; loopback only.
// production: nothing falls back. What is missing is listed and the process
//   refuses to start, because each fallback is a hole on a public server (an
//   open mailbox shows every private link and the administrator's sign-in link).

export type RuntimeMode = "try-out" | "production";

export type RuntimeDecision = {
  mode: RuntimeMode;
  /** The address the launcher's HTTP server binds to. */
  hostname: string;
  /** Why the process must not start; empty when it may. */
  problems: string[];
};

type Vars = Record<string, string | undefined>;

const set = (value: string | undefined): value is string => typeof value === "string" && value.trim() !== "";

/**
 * Try-out where NODE_ENV is not "production" (`npm run dev`, or `npm start`
 * without NODE_ENV, as the README's try-out does) or where KOMMA_TRYOUT=true
 * asks for it explicitly; production otherwise.
 */
export function decideRuntimeMode(vars: Vars): RuntimeDecision {
  const problems: string[] = [];
  const tryoutFlag = vars.KOMMA_TRYOUT?.trim();
  if (set(tryoutFlag) && tryoutFlag !== "true" && tryoutFlag !== "false") problems.push(`KOMMA_TRYOUT: "${tryoutFlag}" is neither true nor false`);
  const mode: RuntimeMode = vars.NODE_ENV !== "production" || tryoutFlag === "true" ? "try-out" : "production";
  const hostname = set(vars.HOSTNAME) ? vars.HOSTNAME.trim() : mode === "try-out" ? "127.0.0.1" : "0.0.0.0";

  if (mode === "production") {
    if (!set(vars.DATABASE_URL)) problems.push("DATABASE_URL: missing (the PostgreSQL connection, postgresql://user:password@host:5432/database)");
    if (!set(vars.AUTH_SECRET)) problems.push("AUTH_SECRET: missing (32 or more random characters, e.g. `openssl rand -base64 32`)");
    if (!set(vars.APP_URL)) problems.push("APP_URL: missing (the public address people open, e.g. https://anmeldung.example.org)");
    const delivery = vars.MAIL_DELIVERY?.trim();
    if (!set(vars.SMTP_URL) && delivery !== "mailbox") {
      problems.push(
        delivery === "smtp"
          ? "SMTP_URL: missing although MAIL_DELIVERY=smtp (the mail server, smtp://user:password@mail.example.org:587)"
          : "SMTP_URL: missing (the mail server, smtp://user:password@mail.example.org:587); or set MAIL_DELIVERY=mailbox to keep all mail in the built-in mailbox, readable by administrators only",
      );
    }
  }
  return { mode, hostname, problems };
}

/** The one message an operator sees when production refuses to start. */
export function describeRefusal(decision: RuntimeDecision): string {
  return [
    decision.mode === "production"
      ? "KommA-Anmeldung does not start: NODE_ENV=production, and the production configuration is incomplete:"
      : "KommA-Anmeldung does not start: the configuration is invalid:",
    ...decision.problems.map((problem) => `  - ${problem}`),
    "Set these in the environment (see .env.example and README, Configuration). To try the app",
    "without them, run it without NODE_ENV=production or with KOMMA_TRYOUT=true.",
  ].join("\n");
}
