import type { NextRequest } from "next/server";
import { subjectDataResponse } from "@/lib/admin/subject-data-response";
import { getCurrentUser } from "@/lib/auth/current-user";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locale";

export const dynamic = "force-dynamic";

// The JSON download of a person's data (Art. 15/20 GDPR), posted from the
// data-subject page; the lib function checks origin and administrator role.
export async function POST(request: NextRequest) {
  const locale = negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  return subjectDataResponse(await getCurrentUser(), request, locale);
}
