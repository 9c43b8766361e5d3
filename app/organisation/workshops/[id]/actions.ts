"use server";
import { redirect } from "next/navigation";
import { organiserAction } from "@/lib/auth/organiser-action";
import { withFlash } from "@/lib/organiser/flash";
import { formValues, refusedState, type OrganiserFormState } from "@/lib/organiser/form-state";
import { setWorkshopPublished } from "@/lib/workshops/set-workshop-published";
import { updateWorkshop } from "@/lib/workshops/update-workshop";

function workshopPath(form: FormData): `/organisation/workshops/${string}` {
  return `/organisation/workshops/${String(form.get("workshopId") ?? "")}`;
}

export async function submitWorkshopTexts(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const outcome = await organiserAction((actor) => updateWorkshop(actor, values.workshopId ?? "", values), `${workshopPath(form)}/texte`);
  if (outcome.ok) redirect(withFlash(workshopPath(form), "workshop-saved"));
  return refusedState(previous, values, outcome);
}

export async function submitPublished(form: FormData): Promise<void> {
  const published = form.get("published") === "1";
  const outcome = await organiserAction((actor) => setWorkshopPublished(actor, String(form.get("workshopId") ?? ""), published), workshopPath(form));
  redirect(
    outcome.ok
      ? withFlash(workshopPath(form), published ? "workshop-published" : "workshop-unpublished")
      : withFlash(workshopPath(form), outcome.code, {}, "fehler"),
  );
}
