import { NextResponse, type NextRequest } from "next/server";
import { appUsesHttps, env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/catalogue";
import { LOCALE_COOKIE, returnPath } from "@/lib/i18n/locale";

// The language switch posts here; the cookie is set only on this explicit
// choice. The way back is a path on this site (relative Location), never an
// address built from the request, whose host behind a proxy is an internal one.
export async function POST(request: NextRequest) {
  const form = await request.formData();
  const locale = form.get("locale");
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: returnPath(request.headers.get("referer"), env().APP_URL, form.get("returnTo")) },
  });
  if (isLocale(locale)) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, secure: appUsesHttps(), maxAge: 60 * 60 * 24 * 365 });
  }
  return response;
}
