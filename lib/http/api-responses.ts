import "server-only";
import { translator } from "../i18n/translator";
import { negotiateLocale } from "../i18n/locale";
import type { Locale } from "../i18n/catalogue";
import type { RefusedOutcome } from "../registrations/register-participant";

// The one place that turns expected outcomes into HTTP answers for the public
// API: a stable code for programs, a message for people, in their language.

// Registration outcomes that depend on whether the address is registered are
// not errors here: they are answered as received (docs/decisions/0014).
export type ApiErrorCode = RefusedOutcome["code"] | "invalid-json" | "payload-too-large" | "unsupported-media-type" | "not-found" | "unavailable";

const generalCodes = ["invalid", "invalid-json", "payload-too-large", "unsupported-media-type", "not-found", "unavailable"] as const;

const statusOf: Record<ApiErrorCode, number> = {
  invalid: 422,
  "invalid-json": 400,
  "not-found": 404,
  "session-not-found": 404,
  "registration-closed": 409,
  "session-full": 409,
  "stale-form": 409,
  "payload-too-large": 413,
  "unsupported-media-type": 415,
  "rate-limited": 429,
  unavailable: 503,
};

export function requestLocale(request: Request): Locale {
  return negotiateLocale(undefined, request.headers.get("accept-language"));
}

function message(locale: Locale, code: ApiErrorCode): string {
  if ((generalCodes as readonly string[]).includes(code)) return translator(locale, "errors")(code as (typeof generalCodes)[number]);
  return translator(locale, "registration")(`outcome.${code as Exclude<ApiErrorCode, (typeof generalCodes)[number]>}`);
}

export function apiError(locale: Locale, code: ApiErrorCode, extra: Record<string, unknown> = {}): Response {
  const headers: Record<string, string> = { "Cache-Control": "no-store", "Content-Language": locale };
  if (code === "rate-limited") headers["Retry-After"] = "600";
  if (code === "unavailable") headers["Retry-After"] = "5";
  return Response.json(
    { error: { code, message: message(locale, code), retryable: code === "unavailable" || code === "rate-limited", ...extra } },
    { status: statusOf[code], headers },
  );
}

/**
 * The one answer to a registration that was received: a new registration, a
 * second one for the same address and one while registered for another date
 * all get these same bytes (202), so that the answer tells nobody whether an
 * address is registered. What happened is said in the email to the address.
 */
export function registrationReceived(locale: Locale): Response {
  return Response.json(
    { status: "received", message: translator(locale, "registration")("received.api") },
    { status: 202, headers: { "Cache-Control": "no-store", "Content-Language": locale } },
  );
}

/** Field errors as messages in the caller's language, keyed by field path. */
export function fieldMessages(locale: Locale, fieldErrors: Record<string, string>): Record<string, { code: string; message: string }> {
  const t = translator(locale, "registration");
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, code]) => [field, { code, message: t(`errors.${code}` as "errors.required") }]));
}

/** Database unreachable (restart, failover): a retryable answer instead of a 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message} ${String((error as { code?: unknown }).code ?? "")}` : String(error);
  return /ECONNREFUSED|ECONNRESET|57P01|57P03|08006|08001|P1001|P1017|Connection terminated|connection is closed|DatabaseNotReachable|ConnectionClosed|terminating connection/i.test(
    text,
  );
}
