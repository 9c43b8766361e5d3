"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/http/client-ip";
import { confirmEmailChange } from "@/lib/registrations/confirm-email-change";
import { resolveEmailChangeToken } from "@/lib/registrations/manage-access";

/** The button on the page behind the link sent to the new address; the page then says how it went. */
export async function confirmEmailChangeAction(form: FormData) {
  const token = String(form.get("token") ?? "");
  const access = await resolveEmailChangeToken(token, clientIp(await headers()));
  const outcome = typeof access === "string" ? null : await confirmEmailChange(token);
  redirect(`/e-mail-bestaetigen/${encodeURIComponent(token)}${outcome ? `?ergebnis=${outcome.ok ? "ok" : outcome.code}` : ""}`);
}
