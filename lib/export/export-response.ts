import "server-only";
import type { Actor } from "../auth/authorisation";
import { downloadFailure, downloadRefusal, downloadSeeOther, fileResponse, guardDownloadPost } from "../http/download-response";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { exportFilterEntries, parseExportFilter, parseExportFormat } from "./export-filter";
import { exportRegistrations } from "./export-registrations";

/** The page with the export form; the download route posts back from it. */
export const EXPORT_PAGE_PATH = "/organisation/export";

/** A form post of the export page is a few hundred bytes; anything far larger is not one. */
const MAX_FORM_BYTES = 16 * 1024;

/**
 * The download route's answer to the export page's form post: the file,
 * streamed. A POST, not a GET: every download writes an audit event, and a
 * link on another site must not be able to cause one (a cross-site
 * navigation carries the SameSite=Lax sign-in cookie, a cross-site POST does
 * not, and the Origin check refuses it besides). Anonymous visitors are sent
 * to sign in and then to the export page (a POST cannot be repeated), before
 * anything of the body is read;
 * anything the actor may not export is refused with 403 (and no rows), an
 * unknown session or workshop with 404, a missing format with 400.
 */
export async function registrationExportResponse(actor: Actor | null, request: Request, locale: Locale): Promise<Response> {
  const t = translator(locale, "export");
  const guard = await guardDownloadPost(actor, request, {
    returnTo: EXPORT_PAGE_PATH,
    texts: { foreignOrigin: t("page.foreignOrigin"), tooLarge: t("page.tooLarge") },
    maxFormBytes: MAX_FORM_BYTES,
  });
  if (!guard.ok) return guard.response;
  const format = parseExportFormat(guard.form.get("format"));
  if (!format) return downloadRefusal(400, t("page.noFormat"));
  try {
    return fileResponse(await exportRegistrations(guard.actor, parseExportFilter(guard.form), format, { locale }));
  } catch (error) {
    return downloadFailure(error, { forbidden: t("page.forbidden"), notFound: t("page.notFound") });
  }
}

/**
 * A GET of the download address (an old bookmark, a link from elsewhere)
 * downloads nothing and records nothing: it shows the export page with the
 * same selection.
 */
export function registrationExportPageRedirect(url: URL): Response {
  const page = new URLSearchParams(exportFilterEntries(parseExportFilter(url.searchParams)));
  return downloadSeeOther(page.size > 0 ? `${EXPORT_PAGE_PATH}?${page}` : EXPORT_PAGE_PATH);
}
