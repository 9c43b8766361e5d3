"use server";
import { redirect } from "next/navigation";
import { organiserAction } from "@/lib/auth/organiser-action";
import { saveInstrument } from "@/lib/instruments/save-instrument";
import { addMaterial } from "@/lib/materials/add-material";
import { removeMaterial } from "@/lib/materials/remove-material";
import { withFlash } from "@/lib/organiser/flash";
import { formValues, refusedState, type OrganiserFormState } from "@/lib/organiser/form-state";

function instrumentPath(form: FormData): `/organisation/instrumente/${string}` {
  return `/organisation/instrumente/${String(form.get("instrumentId") ?? "")}`;
}

export async function submitInstrument(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const outcome = await organiserAction((actor) => saveInstrument(actor, { instrumentId: values.instrumentId ?? "" }, values), instrumentPath(form));
  if (outcome.ok) redirect(withFlash(instrumentPath(form), "instrument-saved"));
  return refusedState(previous, values, outcome);
}

export async function submitInstrumentMaterial(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const outcome = await organiserAction((actor) => addMaterial(actor, { instrumentId: values.instrumentId ?? "" }, values), instrumentPath(form));
  if (outcome.ok) redirect(withFlash(instrumentPath(form), "material-added"));
  return refusedState(previous, values, outcome);
}

export async function submitInstrumentMaterialRemoval(form: FormData): Promise<void> {
  const outcome = await organiserAction((actor) => removeMaterial(actor, String(form.get("materialId") ?? "")), instrumentPath(form));
  redirect(outcome.ok ? withFlash(instrumentPath(form), "material-removed") : withFlash(instrumentPath(form), outcome.code, {}, "fehler"));
}
