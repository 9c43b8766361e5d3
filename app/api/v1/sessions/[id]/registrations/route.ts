import { apiError, fieldMessages, isDatabaseUnavailable, registrationReceived, requestLocale } from "@/lib/http/api-responses";
import { clientIp } from "@/lib/http/client-ip";
import { declaresJson, readLimitedBody } from "@/lib/http/read-limited-body";
import { answeredAsReceived, registerParticipant } from "@/lib/registrations/register-participant";

type Context = { params: Promise<{ id: string }> };

const MAX_BODY_BYTES = 64 * 1024;

/** Registers through the same function and rules as the form. See docs/api/openapi.yaml. */
export async function POST(request: Request, { params }: Context) {
  const locale = requestLocale(request);
  // Before reading anything: a cross-site text/plain POST needs no preflight.
  if (!declaresJson(request.headers.get("content-type"))) {
    await request.body?.cancel().catch(() => undefined);
    return apiError(locale, "unsupported-media-type");
  }
  const raw = await readLimitedBody(request, MAX_BODY_BYTES);
  if (!raw.ok) return apiError(locale, raw.reason === "too-large" ? "payload-too-large" : "invalid-json");
  let body: unknown;
  try {
    body = JSON.parse(raw.text);
  } catch {
    return apiError(locale, "invalid-json");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return apiError(locale, "invalid-json");

  const values: Record<string, unknown> = { ...(body as Record<string, unknown>), sessionId: (await params).id };
  // The shared schema reads the version as form text ("1"); in JSON it is an
  // integer (docs/api/openapi.yaml, docs/decisions/0022). Anything else, a
  // string "1" or true included, is dropped and so refused as a missing
  // version would be, instead of being coerced into consent.
  values.privacyNoticeVersion = typeof values.privacyNoticeVersion === "number" ? String(values.privacyNoticeVersion) : undefined;
  if (!values.locale) values.locale = locale;
  try {
    const outcome = await registerParticipant(values, { ip: clientIp(request.headers) });
    if (answeredAsReceived(outcome)) return registrationReceived(locale);
    if (outcome.code === "invalid") return apiError(locale, "invalid", { fields: fieldMessages(locale, outcome.fieldErrors) });
    return apiError(locale, outcome.code);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return apiError(locale, "unavailable");
    throw error;
  }
}
