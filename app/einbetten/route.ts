import type { NextRequest } from "next/server";
import { embedResponse } from "@/lib/embed/embed-response";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locale";

export const dynamic = "force-dynamic";

// The programme for an iframe on an allow-listed website (headers set by the lib function, not proxy.ts).
export async function GET(request: NextRequest) {
  return embedResponse(null, negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language")));
}
