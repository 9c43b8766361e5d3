"use server";
import { redirect } from "next/navigation";
import { organiserAction } from "@/lib/auth/organiser-action";
import { withFlash } from "@/lib/organiser/flash";
import { formValues, refusedState, type OrganiserFormState } from "@/lib/organiser/form-state";
import { addMaterial } from "@/lib/materials/add-material";
import { removeMaterial } from "@/lib/materials/remove-material";

function materialsPath(form: FormData): `/organisation/workshops/${string}/materialien` {
  return `/organisation/workshops/${String(form.get("workshopId") ?? "")}/materialien`;
}

export async function submitMaterial(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const outcome = await organiserAction((actor) => addMaterial(actor, { workshopId: values.workshopId ?? "" }, values), materialsPath(form));
  if (outcome.ok) redirect(withFlash(materialsPath(form), "material-added"));
  return refusedState(previous, values, outcome);
}

export async function submitMaterialRemoval(form: FormData): Promise<void> {
  const outcome = await organiserAction((actor) => removeMaterial(actor, String(form.get("materialId") ?? "")), materialsPath(form));
  redirect(outcome.ok ? withFlash(materialsPath(form), "material-removed") : withFlash(materialsPath(form), outcome.code, {}, "fehler"));
}
