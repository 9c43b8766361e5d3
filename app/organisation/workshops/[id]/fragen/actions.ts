"use server";
import { redirect } from "next/navigation";
import { organiserAction } from "@/lib/auth/organiser-action";
import { withFlash } from "@/lib/organiser/flash";
import { formValues, refusedState, type OrganiserFormState } from "@/lib/organiser/form-state";
import { addInstitutionKindQuestion } from "@/lib/workshops/add-institution-kind-question";
import { moveQuestion } from "@/lib/workshops/move-question";
import { removeQuestion } from "@/lib/workshops/remove-question";
import { saveQuestion } from "@/lib/workshops/save-question";

function questionsPath(form: FormData): `/organisation/workshops/${string}/fragen` {
  return `/organisation/workshops/${String(form.get("workshopId") ?? "")}/fragen`;
}

export async function submitQuestion(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const target = values.questionId ? { questionId: values.questionId } : { workshopId: values.workshopId ?? "" };
  const outcome = await organiserAction((actor) => saveQuestion(actor, target, values), questionsPath(form));
  if (outcome.ok) redirect(withFlash(questionsPath(form), "question-saved"));
  return refusedState(previous, values, outcome);
}

export async function submitQuestionMove(form: FormData): Promise<void> {
  const direction = form.get("direction") === "up" ? "up" : "down";
  const outcome = await organiserAction((actor) => moveQuestion(actor, String(form.get("questionId") ?? ""), direction), questionsPath(form));
  redirect(outcome.ok ? withFlash(questionsPath(form), "question-moved") : withFlash(questionsPath(form), outcome.code, {}, "fehler"));
}

export async function submitQuestionRemoval(form: FormData): Promise<void> {
  const outcome = await organiserAction((actor) => removeQuestion(actor, String(form.get("questionId") ?? "")), questionsPath(form));
  redirect(outcome.ok ? withFlash(questionsPath(form), "question-removed") : withFlash(questionsPath(form), outcome.code, {}, "fehler"));
}

export async function submitInstitutionKindQuestion(form: FormData): Promise<void> {
  const outcome = await organiserAction((actor) => addInstitutionKindQuestion(actor, String(form.get("workshopId") ?? "")), questionsPath(form));
  redirect(withFlash(questionsPath(form), outcome.ok ? "institution-kind-question-added" : outcome.code, {}, outcome.ok ? "meldung" : "fehler"));
}
