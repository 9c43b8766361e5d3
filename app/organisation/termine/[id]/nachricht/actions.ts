"use server";
import { redirect } from "next/navigation";
import { previewMessage, sendMessage } from "@/lib/attendees/message-attendees";
import { organiserAction } from "@/lib/auth/organiser-action";
import { withFlash } from "@/lib/organiser/flash";
import { formValues, refusedState, type OrganiserFormState } from "@/lib/organiser/form-state";

export async function submitMessage(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const { step, ...values } = formValues(form);
  const sessionId = values.sessionId ?? "";
  const returnTo = `/organisation/termine/${sessionId}/nachricht`;
  if (step === "send") {
    const outcome = await organiserAction((actor) => sendMessage(actor, sessionId, values), returnTo);
    if (outcome.ok) redirect(withFlash(`/organisation/termine/${sessionId}`, "message-sent", { count: outcome.recipients }));
    return refusedState(previous, values, outcome);
  }
  const outcome = await organiserAction((actor) => previewMessage(actor, sessionId, values), returnTo);
  if (!outcome.ok) return refusedState(previous, values, outcome);
  return {
    submission: previous.submission + 1,
    values,
    fieldErrors: {},
    preview: { recipients: outcome.recipients, subject: outcome.subject, text: outcome.text, ownCourtesies: outcome.ownCourtesies },
  };
}
