import { db } from "@/lib/db";
import { findRegistrationByToken } from "@/lib/registrations/manage-queries";
import { invitationFor } from "@/lib/email/registration-email";
import { loadRegistrationMailContext } from "@/lib/registrations/notifications";

// The calendar file of a confirmed registration (the same UID and SEQUENCE as the emailed invitation).
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const found = await findRegistrationByToken((await params).token);
  const context = found ? await loadRegistrationMailContext(db, found.id) : null;
  if (!context || context.status !== "CONFIRMED") return new Response("Not found", { status: 404 });
  return new Response(invitationFor(context, "REQUEST"), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8; method=REQUEST",
      "Content-Disposition": `attachment; filename="${context.locale === "en" ? "invitation" : "einladung"}.ics"`,
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
