import "server-only";
import { AuthorizationError, NotFoundError, type Actor } from "../auth/authorisation";
import { attachmentDisposition } from "../export/file-name";
import { isSameOriginRequest } from "../http/same-origin-request";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { withFlash } from "../organiser/flash";
import { downloadSessionCertificates } from "./download-session-certificates";

const noStore = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };
const MAX_FORM_BYTES = 4 * 1024;

function refusal(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...noStore } });
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...noStore } });
}

/**
 * The answer to the session page's certificate form: one person's
 * certificate (field "registrationId") or all of the session's as one PDF.
 * A POST with an Origin check like the exports, because every download is
 * audited and a link elsewhere must not cause one; anonymous visitors are
 * sent to sign in and back to the session page; what the actor may not see
 * is refused with 403 and no bytes.
 */
export async function sessionCertificatesResponse(actor: Actor | null, request: Request, sessionId: string, locale: Locale): Promise<Response> {
  const t = translator(locale, "export");
  const sessionPath = `/organisation/termine/${encodeURIComponent(sessionId)}` as const;
  if (!isSameOriginRequest(request)) return refusal(403, t("page.foreignOrigin"));
  if (!actor) return seeOther(`/anmelden?${new URLSearchParams({ callbackUrl: sessionPath })}`);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FORM_BYTES) return refusal(413, t("page.tooLarge"));
  const form = await request.formData().catch(() => null);
  const named = form?.get("registrationId");
  const registrationId = typeof named === "string" && named !== "" ? named : null;
  try {
    const outcome = await downloadSessionCertificates(actor, sessionId, registrationId, { locale });
    if (!outcome.ok) return seeOther(withFlash(sessionPath, outcome.code, {}, "fehler"));
    return new Response(new Uint8Array(outcome.pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": attachmentDisposition(outcome.fileName),
        "X-Content-Type-Options": "nosniff",
        ...noStore,
      },
    });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusal(403, t("page.forbidden"));
    if (error instanceof NotFoundError) return refusal(404, t("page.notFound"));
    throw error;
  }
}
