import type { NextRequest } from "next/server";
import { embedResponse } from "@/lib/embed/embed-response";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locale";

export const dynamic = "force-dynamic";

// One workshop for an iframe on an allow-listed website.
export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  return embedResponse((await params).slug, negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language")));
}
