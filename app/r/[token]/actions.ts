"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { clientIp } from "@/lib/http/client-ip";
import { cancelRegistration } from "@/lib/registrations/cancel-registration";
import { resolveManageToken } from "@/lib/registrations/manage-access";
import { switchSession } from "@/lib/registrations/switch-session";
import type { RegistrationFormState } from "@/lib/registrations/form-state";
import { getManagedRegistration } from "@/lib/registrations/manage-queries";
import { requestEmailChange } from "@/lib/registrations/request-email-change";
import { detailsFormValues } from "@/lib/registrations/schema";
import { updateRegistrationDetails } from "@/lib/registrations/update-registration-details";

async function registrationFor(form: FormData): Promise<{ id: string; token: string }> {
  const token = String(form.get("token") ?? "");
  const found = await resolveManageToken(token, clientIp(await headers()));
  if (typeof found === "string") redirect(`/r/${encodeURIComponent(token)}`);
  return { id: found.id, token };
}

export async function cancelAction(form: FormData) {
  const { id, token } = await registrationFor(form);
  const outcome = await db.$transaction((tx) => cancelRegistration(tx, id), { maxWait: 30_000, timeout: 30_000 });
  const done = outcome.ok && outcome.previousStatus === "WAITLISTED" ? "left-waitlist" : "cancelled";
  redirect(`/r/${token}?${outcome.ok ? `ok=${done}` : `fehler=${outcome.code}`}`);
}

export async function switchAction(form: FormData) {
  const { id, token } = await registrationFor(form);
  // The token was just resolved to this registration: the switch mail carries this same link.
  // Giving up a confirmed seat for a waiting list is only done when the confirmation step said so (docs/decisions/0027).
  const giveUpSeat = form.get("platzAufgeben") === "ja";
  const outcome = await switchSession(id, String(form.get("sessionId") ?? ""), { manageToken: token, giveUpSeat });
  redirect(`/r/${token}?${outcome.ok ? `ok=${outcome.status === "WAITLISTED" ? "switched-waitlist" : "switched"}` : `fehler=${outcome.code}`}`);
}

export async function updateDetailsAction(previous: RegistrationFormState, form: FormData): Promise<RegistrationFormState> {
  const { id, token } = await registrationFor(form);
  const registration = await getManagedRegistration(token);
  const values = detailsFormValues(form, registration?.questions ?? []);
  const outcome = await updateRegistrationDetails(id, values);
  if (outcome.ok) redirect(`/r/${token}?ok=details`);
  if (outcome.code !== "invalid") redirect(`/r/${token}?fehler=${outcome.code}`);
  return { submission: previous.submission + 1, values, fieldErrors: outcome.fieldErrors };
}

export async function requestEmailChangeAction(previous: RegistrationFormState, form: FormData): Promise<RegistrationFormState> {
  const { id, token } = await registrationFor(form);
  const values = { newEmail: typeof form.get("newEmail") === "string" ? String(form.get("newEmail")) : undefined };
  const outcome = await requestEmailChange(id, values);
  if (outcome.ok) redirect(`/r/${token}?ok=email-change-sent`);
  if (outcome.code === "not-active") redirect(`/r/${token}?fehler=not-active`);
  return {
    submission: previous.submission + 1,
    values,
    fieldErrors: outcome.code === "invalid" ? outcome.fieldErrors : {},
    outcome: outcome.code === "invalid" ? undefined : outcome.code,
  };
}
