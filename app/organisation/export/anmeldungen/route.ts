import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { registrationExportResponse } from "@/lib/export/export-response";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locale";

export const dynamic = "force-dynamic";

// GET /organisation/export/anmeldungen?format=csv|csv-semicolon|xlsx&workshopId=…:
// the registrations the signed-in person may see, streamed; the lib function
// checks authorisation and records the export.
export async function GET(request: NextRequest) {
  const locale = negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  return registrationExportResponse(await getCurrentUser(), new URL(request.url), locale);
}
