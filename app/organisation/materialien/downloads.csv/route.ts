import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locale";
import { downloadCountsResponse } from "@/lib/materials/download-counts-response";

export const dynamic = "force-dynamic";

// GET /organisation/materialien/downloads.csv: downloads per material and day.
export async function GET(request: NextRequest) {
  const locale = negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  return downloadCountsResponse(await getCurrentUser(), locale);
}
