"use server";
import { redirect } from "next/navigation";
import { organiserAction } from "@/lib/auth/organiser-action";
import { withFlash } from "@/lib/organiser/flash";
import { formValues, refusedState, type OrganiserFormState } from "@/lib/organiser/form-state";
import { cancelSession } from "@/lib/sessions/cancel-session";

export async function submitSessionCancellation(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const sessionId = values.sessionId ?? "";
  const outcome = await organiserAction((actor) => cancelSession(actor, sessionId, values), `/organisation/termine/${sessionId}/absagen`);
  if (outcome.ok) redirect(withFlash(`/organisation/termine/${sessionId}`, "session-cancelled-done", { notified: outcome.notified }));
  return refusedState(previous, values, outcome);
}
