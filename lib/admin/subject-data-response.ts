import "server-only";
import { AuthorizationError, type Actor } from "../auth/authorisation";
import { attachmentDisposition, exportFileName } from "../export/file-name";
import { isSameOriginRequest } from "../http/same-origin-request";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { exportSubjectData } from "./data-subject-requests";

const noStore = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff" };

function text(status: number, body: string): Response {
  return new Response(`${body}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...noStore } });
}

/**
 * The JSON download of everything stored for an address (Art. 15 and 20
 * GDPR), for administrators. A POST with the address in the body, not a GET:
 * the address stays out of URLs, access logs and the browser history, and a
 * link scanner cannot trigger the audited export.
 */
export async function subjectDataResponse(actor: Actor | null, request: Request, locale: Locale): Promise<Response> {
  const t = translator(locale, "admin");
  if (!isSameOriginRequest(request)) return text(403, t("privacy.foreignOrigin"));
  if (!actor) return text(403, t("outcome.forbidden"));
  const form = await request.formData().catch(() => null);
  const email = form?.get("email");
  try {
    const outcome = await exportSubjectData(actor, typeof email === "string" ? email : "");
    if (!outcome.ok) return text(400, translator(locale, "privacy")(`errors.${outcome.code}`));
    const fileName = exportFileName({ base: t("privacy.fileName"), extension: "json", at: new Date(), timeZone: "Europe/Berlin" });
    return new Response(`${JSON.stringify({ exportedAt: new Date().toISOString(), ...outcome.data }, null, 2)}\n`, {
      headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": attachmentDisposition(fileName), ...noStore },
    });
  } catch (error) {
    if (error instanceof AuthorizationError) return text(403, t("outcome.forbidden"));
    throw error;
  }
}
