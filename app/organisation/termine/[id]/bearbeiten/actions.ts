"use server";
import { redirect } from "next/navigation";
import { organiserAction } from "@/lib/auth/organiser-action";
import { withFlash } from "@/lib/organiser/flash";
import { formValues, refusedState, type OrganiserFormState } from "@/lib/organiser/form-state";
import { updateSession } from "@/lib/sessions/update-session";

export async function submitSessionChanges(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const { confirmed, ...values } = formValues(form);
  const sessionId = values.sessionId ?? "";
  const outcome = await organiserAction(
    (actor) => updateSession(actor, sessionId, values, { confirmed: confirmed === "1" }),
    `/organisation/termine/${sessionId}/bearbeiten`,
  );
  if (outcome.ok) {
    const detailed = outcome.promoted > 0 || outcome.notified > 0;
    redirect(
      withFlash(`/organisation/termine/${sessionId}`, detailed ? "session-saved-details" : "session-saved", {
        promoted: outcome.promoted,
        notified: outcome.notified,
      }),
    );
  }
  if (outcome.code === "needs-confirmation")
    return { submission: previous.submission + 1, values, fieldErrors: {}, confirm: { recipients: outcome.recipients } };
  return refusedState(previous, values, outcome);
}
