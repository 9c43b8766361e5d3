import "server-only";
import { translator } from "../i18n/translator";
import { negotiateLocale } from "../i18n/locale";
import type { Locale } from "../i18n/catalogue";
import type { RegisterOutcome } from "../registrations/register-participant";

// The one place that turns expected outcomes into HTTP answers for the public
// API: a stable code for programs, a message for people, in their language.

export type ApiErrorCode =
  | Exclude<RegisterOutcome, { ok: true }>["code"]
  | "invalid-json"
  | "not-found"
  | "unavailable";

const statusOf: Record<ApiErrorCode, number> = {
  invalid: 422,
  "invalid-json": 400,
  "not-found": 404,
  "session-not-found": 404,
  "registration-closed": 409,
  "session-full": 409,
  "already-registered": 409,
  "registered-for-other-date": 409,
  "stale-form": 409,
  "rate-limited": 429,
  unavailable: 503,
};

export function requestLocale(request: Request): Locale {
  return negotiateLocale(undefined, request.headers.get("accept-language"));
}

function message(locale: Locale, code: ApiErrorCode): string {
  if (code === "invalid" || code === "invalid-json" || code === "not-found" || code === "unavailable") return translator(locale, "errors")(code);
  return translator(locale, "registration")(`outcome.${code}`);
}

export function apiError(locale: Locale, code: ApiErrorCode, extra: Record<string, unknown> = {}): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store", "Content-Language": locale };
  if (code === "rate-limited") headers["Retry-After"] = "600";
  if (code === "unavailable") headers["Retry-After"] = "5";
  return Response.json({ error: { code, message: message(locale, code), retryable: code === "unavailable" || code === "rate-limited", ...extra } }, { status: statusOf[code], headers });
}

/** Field errors as messages in the caller's language, keyed by field path. */
export function fieldMessages(locale: Locale, fieldErrors: Record<string, string>): Record<string, { code: string; message: string }> {
  const t = translator(locale, "registration");
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, code]) => [field, { code, message: t(`errors.${code}` as "errors.required") }]),
  );
}

/** Database unreachable (restart, failover): a retryable answer instead of a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message} ${String((error as { code?: unknown }).code ?? "")}` : String(error);
  return /ECONNREFUSED|ECONNRESET|57P01|57P03|08006|08001|P1001|P1017|Connection terminated|connection is closed|DatabaseNotReachable|ConnectionClosed|terminating connection/i.test(text);
}
