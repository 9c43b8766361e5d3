"use server";
import { redirect } from "next/navigation";
import { organiserAction } from "@/lib/auth/organiser-action";
import { chosenInstruments } from "@/lib/instruments/schema";
import { withFlash } from "@/lib/organiser/flash";
import { setWorkshopInstruments } from "@/lib/workshops/set-workshop-instruments";

export async function submitWorkshopInstruments(form: FormData): Promise<void> {
  const workshopId = String(form.get("workshopId") ?? "");
  const path = `/organisation/workshops/${workshopId}/instrumente` as const;
  const outcome = await organiserAction((actor) => setWorkshopInstruments(actor, workshopId, chosenInstruments(form)), path);
  redirect(outcome.ok ? withFlash(`/organisation/workshops/${workshopId}`, "instruments-chosen") : withFlash(path, outcome.code, {}, "fehler"));
}
