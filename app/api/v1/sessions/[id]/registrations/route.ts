import { apiError, fieldMessages, isDatabaseUnavailable, requestLocale } from "@/lib/http/api-responses";
import { clientIp } from "@/lib/http/client-ip";
import { manageUrlFor } from "@/lib/registrations/notifications";
import { registerParticipant } from "@/lib/registrations/register-participant";

type Context = { params: Promise<{ id: string }> };

const MAX_BODY_BYTES = 64 * 1024;

/** Registers through the same function and rules as the form. See docs/api/openapi.yaml. */
export async function POST(request: Request, { params }: Context) {
  const locale = requestLocale(request);
  const raw = await request.text().catch(() => "");
  if (raw.length > MAX_BODY_BYTES) return apiError(locale, "invalid-json");
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return apiError(locale, "invalid-json");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) return apiError(locale, "invalid-json");

  const values: Record<string, unknown> = { ...(body as Record<string, unknown>), sessionId: (await params).id };
  if (typeof values.privacyNoticeVersion === "number") values.privacyNoticeVersion = String(values.privacyNoticeVersion);
  if (!values.locale) values.locale = locale;
  try {
    const outcome = await registerParticipant(values, { ip: clientIp(request.headers) });
    if (outcome.ok) {
      return Response.json(
        { status: outcome.status, waitlistPosition: outcome.waitlistPosition, manageUrl: manageUrlFor(outcome.manageToken) },
        { status: 201, headers: { "Cache-Control": "no-store" } },
      );
    }
    if (outcome.code === "invalid") return apiError(locale, "invalid", { fields: fieldMessages(locale, outcome.fieldErrors) });
    if (outcome.code === "registered-for-other-date") return apiError(locale, outcome.code);
    return apiError(locale, outcome.code);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return apiError(locale, "unavailable");
    throw error;
  }
}
