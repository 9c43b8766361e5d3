import { db } from "@/lib/db";
import { invitationFor } from "@/lib/email/registration-email";
import { clientIp } from "@/lib/http/client-ip";
import { resolveManageToken } from "@/lib/registrations/manage-access";
import { loadRegistrationMailContext } from "@/lib/registrations/notifications";

// The calendar file of a confirmed registration (the same UID and SEQUENCE as the emailed invitation).
// Resolved like every private link: wrong tokens count against the caller's address.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const access = await resolveManageToken((await params).token, clientIp(request.headers));
  if (access === "rate-limited") return new Response("Too many requests", { status: 429, headers: { "Retry-After": "600", "Cache-Control": "no-store" } });
  const context = access === "unknown" ? null : await loadRegistrationMailContext(db, access.id);
  if (!context || context.status !== "CONFIRMED") return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(invitationFor(context, "REQUEST"), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8; method=REQUEST",
      "Content-Disposition": `attachment; filename="${context.locale === "en" ? "invitation" : "einladung"}.ics"`,
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
