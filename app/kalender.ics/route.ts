import type { NextRequest } from "next/server";
import { programmeFeed } from "@/lib/calendar/programme-feed";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locale";
import { getCurrentProgramme } from "@/lib/programmes/queries";

export const dynamic = "force-dynamic";

// The programme's sessions as a subscribable calendar (webcal://…/kalender.ics): public information only.
export async function GET(request: NextRequest) {
  const programme = await getCurrentProgramme();
  if (!programme) return new Response("Not found\n", { status: 404 });
  const locale = negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  return new Response(await programmeFeed(programme, locale), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="kalender.ics"',
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
