"use server";
import { redirect } from "next/navigation";
import { organiserAction } from "@/lib/auth/organiser-action";
import { saveInstrument } from "@/lib/instruments/save-instrument";
import { withFlash } from "@/lib/organiser/flash";
import { formValues, refusedState, type OrganiserFormState } from "@/lib/organiser/form-state";

export async function submitNewInstrument(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const outcome = await organiserAction((actor) => saveInstrument(actor, "new", values), "/organisation/instrumente");
  if (outcome.ok) redirect(withFlash(`/organisation/instrumente/${outcome.instrumentId}`, "instrument-created"));
  return refusedState(previous, values, outcome);
}
