import { NextResponse, type NextRequest } from "next/server";
import { isLocale } from "@/lib/i18n/catalogue";
import { LOCALE_COOKIE } from "@/lib/i18n/locale";

// The language switch posts here; the cookie is set only on this explicit choice.
export async function POST(request: NextRequest) {
  const form = await request.formData();
  const locale = form.get("locale");
  const referer = request.headers.get("referer");
  const back = referer && new URL(referer).origin === request.nextUrl.origin ? new URL(referer) : new URL("/", request.url);
  const response = NextResponse.redirect(back, 303);
  if (isLocale(locale)) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  }
  return response;
}
