"use server";
import { redirect } from "next/navigation";
import { organiserAction } from "@/lib/auth/organiser-action";
import { withFlash } from "@/lib/organiser/flash";
import { formValues, refusedState, type OrganiserFormState } from "@/lib/organiser/form-state";
import { createSession } from "@/lib/sessions/create-session";

export async function submitNewSession(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const workshopId = values.workshopId ?? "";
  const outcome = await organiserAction((actor) => createSession(actor, workshopId, values), `/organisation/workshops/${workshopId}/termine/neu`);
  if (outcome.ok) redirect(withFlash(`/organisation/termine/${outcome.sessionId}`, "session-created"));
  return refusedState(previous, values, outcome);
}
