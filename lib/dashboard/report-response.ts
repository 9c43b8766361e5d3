import "server-only";
import { AuthorizationError, NotFoundError, type Actor } from "../auth/authorisation";
import { attachmentDisposition } from "../export/file-name";
import { isSameOriginRequest } from "../http/same-origin-request";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { createFunderReport, parseReportFormat } from "./create-funder-report";
import { dashboardFilterEntries, parseDashboardFilter } from "./dashboard-filter";

/** The dashboard, whose form posts the report request. */
export const DASHBOARD_PATH = "/organisation";

const noStore = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };
const MAX_FORM_BYTES = 16 * 1024;

function refusal(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...noStore } });
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...noStore } });
}

/**
 * The report route's answer to the dashboard's form post, handled as the
 * registration export's (lib/export/export-response.ts): a POST because each
 * download is audited, same origin only, anonymous visitors to sign-in, 403
 * for what the actor may not see, 404 for an unknown workshop or session.
 */
export async function funderReportResponse(actor: Actor | null, request: Request, locale: Locale): Promise<Response> {
  const t = translator(locale, "dashboard");
  if (!isSameOriginRequest(request)) return refusal(403, t("report.foreignOrigin"));
  if (!actor) {
    const signIn = new URL("/anmelden", request.url);
    signIn.searchParams.set("callbackUrl", DASHBOARD_PATH);
    return seeOther(`${signIn.pathname}${signIn.search}`);
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FORM_BYTES) return refusal(413, t("report.tooLarge"));
  const form = new URLSearchParams();
  for (const [name, value] of (await request.formData().catch(() => null)) ?? []) if (typeof value === "string") form.append(name, value);
  const format = parseReportFormat(form.get("format"));
  if (!format) return refusal(400, t("report.noFormat"));
  try {
    const file = await createFunderReport(actor, parseDashboardFilter(form), format, { locale });
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": attachmentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        ...noStore,
      },
    });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusal(403, t("report.forbidden"));
    if (error instanceof NotFoundError) return refusal(404, t("report.notFound"));
    throw error;
  }
}

/** A GET (a bookmark) downloads and records nothing: it shows the dashboard with the same selection. */
export function funderReportPageRedirect(url: URL): Response {
  const page = new URLSearchParams(dashboardFilterEntries(parseDashboardFilter(url.searchParams)));
  return seeOther(page.size > 0 ? `${DASHBOARD_PATH}?${page}` : DASHBOARD_PATH);
}
