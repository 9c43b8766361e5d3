import "server-only";
import type { Actor } from "../auth/authorisation";
import { downloadFailure, downloadSeeOther, fileResponse, guardDownloadPost } from "../http/download-response";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { withFlash } from "../organiser/flash";
import { downloadSessionCertificates } from "./download-session-certificates";

const MAX_FORM_BYTES = 4 * 1024;

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
  const guard = await guardDownloadPost(actor, request, {
    returnTo: sessionPath,
    texts: { foreignOrigin: t("page.foreignOrigin"), tooLarge: t("page.tooLarge") },
    maxFormBytes: MAX_FORM_BYTES,
  });
  if (!guard.ok) return guard.response;
  const named = guard.form.get("registrationId");
  const registrationId = named !== null && named !== "" ? named : null;
  try {
    const outcome = await downloadSessionCertificates(guard.actor, sessionId, registrationId, { locale });
    if (!outcome.ok) return downloadSeeOther(withFlash(sessionPath, outcome.code, {}, "fehler"));
    return fileResponse({ body: outcome.pdf, contentType: "application/pdf", fileName: outcome.fileName });
  } catch (error) {
    return downloadFailure(error, { forbidden: t("page.forbidden"), notFound: t("page.notFound") });
  }
}
