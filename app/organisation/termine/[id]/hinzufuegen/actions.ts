"use server";
import { redirect } from "next/navigation";
import { addAttendee } from "@/lib/attendees/add-attendee";
import { organiserAction } from "@/lib/auth/organiser-action";
import { withFlash } from "@/lib/organiser/flash";
import { formValues, refusedState, type OrganiserFormState } from "@/lib/organiser/form-state";

export async function submitAttendee(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const sessionId = values.sessionId ?? "";
  const outcome = await organiserAction((actor) => addAttendee(actor, sessionId, values), `/organisation/termine/${sessionId}/hinzufuegen`);
  if (outcome.ok) redirect(withFlash(`/organisation/termine/${sessionId}`, outcome.capacityRaised ? "attendee-added-raised" : "attendee-added"));
  return refusedState(previous, values, outcome);
}
