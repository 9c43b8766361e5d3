import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { registrationExportPageRedirect, registrationExportResponse } from "@/lib/export/export-response";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locale";

export const dynamic = "force-dynamic";

// POST /organisation/export/anmeldungen with format=csv|csv-semicolon|xlsx and
// the filter as form fields, from the export page's form: the registrations
// the signed-in person may see, streamed; the lib function checks origin and
// authorisation and records the export. A GET records nothing and shows the
// export page (docs/decisions/0016).
export async function POST(request: NextRequest) {
  const locale = negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  return registrationExportResponse(await getCurrentUser(), request, locale);
}

export function GET(request: NextRequest) {
  return registrationExportPageRedirect(new URL(request.url));
}
