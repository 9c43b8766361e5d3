import type { NextRequest } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { sessionCertificatesResponse } from "@/lib/certificates/certificates-response";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locale";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

// POST from the session page: the certificates of attendance as one PDF (all,
// or the one person named); audited. A GET downloads and records nothing: it
// shows the session page.
export async function POST(request: NextRequest, { params }: Context) {
  const locale = negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  return sessionCertificatesResponse(await getCurrentUser(), request, (await params).id, locale);
}

export async function GET(_request: NextRequest, { params }: Context) {
  return new Response(null, {
    status: 303,
    headers: { Location: `/organisation/termine/${encodeURIComponent((await params).id)}`, "Cache-Control": "no-store" },
  });
}
