"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/http/client-ip";
import { confirmEmail } from "@/lib/registrations/confirm-email";
import { resolveConfirmToken } from "@/lib/registrations/manage-access";

/** The button on the confirmation page; the page then shows how things stand. */
export async function confirmEmailAction(form: FormData) {
  const token = String(form.get("token") ?? "");
  const access = await resolveConfirmToken(token, clientIp(await headers()));
  if (typeof access !== "string") await confirmEmail(token);
  redirect(`/bestaetigen/${encodeURIComponent(token)}`);
}
