import "server-only";
import type { Actor } from "../auth/authorisation";
import { downloadFailure, downloadRefusal, downloadSeeOther, fileResponse, guardDownloadPost } from "../http/download-response";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { createFunderReport, parseReportFormat } from "./create-funder-report";
import { dashboardFilterEntries, parseDashboardFilter } from "./dashboard-filter";

/** The dashboard, whose form posts the report request. */
export const DASHBOARD_PATH = "/organisation";

const MAX_FORM_BYTES = 16 * 1024;

/**
 * The report route's answer to the dashboard's form post, handled as the
 * registration export's (lib/export/export-response.ts): a POST because each
 * download is audited, same origin only, anonymous visitors to sign-in, 403
 * for what the actor may not see, 404 for an unknown workshop or session.
 */
export async function funderReportResponse(actor: Actor | null, request: Request, locale: Locale): Promise<Response> {
  const t = translator(locale, "dashboard");
  const guard = await guardDownloadPost(actor, request, {
    returnTo: DASHBOARD_PATH,
    texts: { foreignOrigin: t("report.foreignOrigin"), tooLarge: t("report.tooLarge") },
    maxFormBytes: MAX_FORM_BYTES,
  });
  if (!guard.ok) return guard.response;
  const format = parseReportFormat(guard.form.get("format"));
  if (!format) return downloadRefusal(400, t("report.noFormat"));
  try {
    return fileResponse(await createFunderReport(guard.actor, parseDashboardFilter(guard.form), format, { locale }));
  } catch (error) {
    return downloadFailure(error, { forbidden: t("report.forbidden"), notFound: t("report.notFound") });
  }
}

/** A GET (a bookmark) downloads and records nothing: it shows the dashboard with the same selection. */
export function funderReportPageRedirect(url: URL): Response {
  const page = new URLSearchParams(dashboardFilterEntries(parseDashboardFilter(url.searchParams)));
  return downloadSeeOther(page.size > 0 ? `${DASHBOARD_PATH}?${page}` : DASHBOARD_PATH);
}
