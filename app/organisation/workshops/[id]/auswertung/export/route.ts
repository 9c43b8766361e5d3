import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { evaluationExportResponse } from "@/lib/evaluation/export-evaluation";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locale";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// POST with format=csv|csv-semicolon|xlsx from the results page: the
// workshop's anonymous evaluation responses, audited (docs/decisions/0028).
export async function POST(request: NextRequest, { params }: Context) {
  const locale = negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  return evaluationExportResponse(await getCurrentUser(), request, (await params).id, locale);
}

// A GET downloads and records nothing: it shows the results page.
export async function GET(_request: NextRequest, { params }: Context) {
  return new Response(null, { status: 303, headers: { Location: `/organisation/workshops/${encodeURIComponent((await params).id)}/auswertung` } });
}
