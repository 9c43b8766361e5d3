"use server";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { inviteUser } from "@/lib/admin/invite-user";
import { organiserAction } from "@/lib/auth/organiser-action";
import { isLocale } from "@/lib/i18n/catalogue";
import { withFlash } from "@/lib/organiser/flash";
import { formValues, refusedState, type OrganiserFormState } from "@/lib/organiser/form-state";

const path = "/organisation/admin/benutzer";

export async function submitInvitation(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const workshopIds = form.getAll("workshopIds").filter((value): value is string => typeof value === "string");
  const locale = await getLocale();
  const outcome = await organiserAction((actor) => inviteUser(actor, { ...values, workshopIds }, { locale: isLocale(locale) ? locale : "de" }), path);
  if (outcome.ok) redirect(withFlash(path, "user-invited"));
  return refusedState(previous, { ...values, workshopIds: workshopIds.join(",") }, outcome);
}
