"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { EvaluationFormState } from "@/lib/evaluation/form-state";
import { submitEvaluation } from "@/lib/evaluation/submit-evaluation";
import { clientIp } from "@/lib/http/client-ip";

export async function submitEvaluationForm(previous: EvaluationFormState, form: FormData): Promise<EvaluationFormState> {
  const token = form.get("token");
  const outcome = await submitEvaluation(typeof token === "string" ? token : "", form, { ip: clientIp(await headers()) });
  // The thanks page carries no token: nothing in its address points back to the link.
  if (outcome.ok) redirect("/bewertung/danke");
  const values: Record<string, string[]> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && name.startsWith("q-")) values[name] = [...(values[name] ?? []), value];
  }
  return {
    submission: previous.submission + 1,
    values,
    fieldErrors: outcome.code === "invalid" ? outcome.fieldErrors : {},
    outcome: outcome.code === "invalid" ? undefined : outcome.code,
  };
}
