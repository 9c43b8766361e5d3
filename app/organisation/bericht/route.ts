import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { funderReportPageRedirect, funderReportResponse } from "@/lib/dashboard/report-response";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locale";

export const dynamic = "force-dynamic";

// POST /organisation/bericht with format=pdf|xlsx and the dashboard's filter
// as form fields: the funder report (docs/decisions/0030). The lib function
// checks origin and authorisation and records the download; a GET shows the
// dashboard with the same selection.
export async function POST(request: NextRequest) {
  const locale = negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  return funderReportResponse(await getCurrentUser(), request, locale);
}

export function GET(request: NextRequest) {
  return funderReportPageRedirect(new URL(request.url));
}
