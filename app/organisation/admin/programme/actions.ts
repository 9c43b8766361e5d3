"use server";
import { redirect } from "next/navigation";
import { organiserAction } from "@/lib/auth/organiser-action";
import { withFlash } from "@/lib/organiser/flash";
import { formValues, refusedState, type OrganiserFormState } from "@/lib/organiser/form-state";
import { saveProgramme } from "@/lib/programmes/save-programme";

const path = "/organisation/admin/programme";

/** Creates a programme (no programmeId in the form) or saves one. */
export async function submitProgramme(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const programmeId = values.programmeId;
  const before = programmeId ? `${path}/${programmeId}` : `${path}/neu`;
  const outcome = await organiserAction((actor) => saveProgramme(actor, programmeId ? { programmeId } : "new", values), before);
  if (outcome.ok) {
    if (!programmeId) redirect(withFlash(path, "programme-created"));
    const previousVersion = Number(values.privacyNoticeVersion);
    redirect(withFlash(`${path}/${programmeId}`, outcome.privacyNoticeVersion !== previousVersion ? "programme-saved-notice" : "programme-saved"));
  }
  return refusedState(previous, values, outcome);
}
