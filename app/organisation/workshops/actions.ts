"use server";
import { redirect } from "next/navigation";
import { organiserAction } from "@/lib/auth/organiser-action";
import { withFlash } from "@/lib/organiser/flash";
import { formValues, refusedState, type OrganiserFormState } from "@/lib/organiser/form-state";
import { createWorkshop } from "@/lib/workshops/create-workshop";

export async function submitNewWorkshop(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const outcome = await organiserAction((actor) => createWorkshop(actor, values), "/organisation/workshops/neu");
  if (outcome.ok) redirect(withFlash(`/organisation/workshops/${outcome.workshopId}`, "workshop-created"));
  return refusedState(previous, values, outcome);
}
