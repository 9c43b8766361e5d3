"use server";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { resendInvitation } from "@/lib/admin/resend-invitation";
import { setUserActive } from "@/lib/admin/set-user-active";
import { setUserRole } from "@/lib/admin/set-user-role";
import { setUserWorkshops } from "@/lib/admin/set-user-workshops";
import { organiserAction } from "@/lib/auth/organiser-action";
import { isLocale } from "@/lib/i18n/catalogue";
import { withFlash, type AdminOutcomeCode } from "@/lib/organiser/flash";

function userPath(form: FormData): `/organisation/admin/benutzer/${string}` {
  return `/organisation/admin/benutzer/${String(form.get("userId") ?? "")}`;
}

function back(
  form: FormData,
  outcome: { ok: true } | { ok: false; code: AdminOutcomeCode },
  success: AdminOutcomeCode,
  values: { count?: number } = {},
): never {
  if (outcome.ok) redirect(withFlash(userPath(form), success, values));
  redirect(withFlash(userPath(form), outcome.code, {}, "fehler"));
}

export async function submitRole(form: FormData): Promise<void> {
  const outcome = await organiserAction(
    (actor) => setUserRole(actor, String(form.get("userId") ?? ""), { role: form.get("role") ?? undefined }),
    userPath(form),
  );
  back(form, outcome, outcome.ok && !outcome.changed ? "role-unchanged" : "role-saved");
}

export async function submitWorkshops(form: FormData): Promise<void> {
  const workshopIds = form.getAll("workshopIds").filter((value): value is string => typeof value === "string");
  const outcome = await organiserAction((actor) => setUserWorkshops(actor, String(form.get("userId") ?? ""), workshopIds), userPath(form));
  back(form, outcome, "workshops-saved");
}

export async function submitDeactivation(form: FormData): Promise<void> {
  const outcome = await organiserAction((actor) => setUserActive(actor, String(form.get("userId") ?? ""), false), userPath(form));
  back(form, outcome, "deactivated", outcome.ok ? { count: outcome.sessionsEnded } : {});
}

export async function submitReactivation(form: FormData): Promise<void> {
  const outcome = await organiserAction((actor) => setUserActive(actor, String(form.get("userId") ?? ""), true), userPath(form));
  back(form, outcome, "reactivated");
}

export async function submitInvitationResend(form: FormData): Promise<void> {
  const locale = await getLocale();
  const outcome = await organiserAction(
    (actor) => resendInvitation(actor, String(form.get("userId") ?? ""), { locale: isLocale(locale) ? locale : "de" }),
    userPath(form),
  );
  back(form, outcome, "invitation-resent");
}
