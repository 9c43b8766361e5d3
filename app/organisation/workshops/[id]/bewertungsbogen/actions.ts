"use server";
import { redirect } from "next/navigation";
import { organiserAction } from "@/lib/auth/organiser-action";
import { chooseEvaluationQuestionnaire } from "@/lib/evaluation/choose-evaluation-questionnaire";
import { moveEvaluationQuestion } from "@/lib/evaluation/move-evaluation-question";
import { removeEvaluationQuestion } from "@/lib/evaluation/remove-evaluation-question";
import { saveEvaluationQuestion } from "@/lib/evaluation/save-evaluation-question";
import { updateEvaluationSettings } from "@/lib/evaluation/update-evaluation-settings";
import { withFlash } from "@/lib/organiser/flash";
import { formValues, refusedState, type OrganiserFormState } from "@/lib/organiser/form-state";

function setupPath(form: FormData) {
  return `/organisation/workshops/${String(form.get("workshopId") ?? "")}/bewertungsbogen` as const;
}

export async function submitEvaluationSettings(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const outcome = await organiserAction((actor) => updateEvaluationSettings(actor, values.workshopId ?? "", values), setupPath(form));
  if (outcome.ok) redirect(withFlash(setupPath(form), "evaluation-settings-saved"));
  return refusedState(previous, values, outcome);
}

export async function submitEvaluationQuestion(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const target = values.questionId ? { questionId: values.questionId } : { workshopId: values.workshopId ?? "" };
  const outcome = await organiserAction((actor) => saveEvaluationQuestion(actor, target, values), setupPath(form));
  if (outcome.ok) redirect(withFlash(setupPath(form), "evaluation-question-saved"));
  return refusedState(previous, values, outcome);
}

export async function submitEvaluationQuestionMove(form: FormData): Promise<void> {
  const direction = form.get("direction") === "up" ? "up" : "down";
  const outcome = await organiserAction((actor) => moveEvaluationQuestion(actor, String(form.get("questionId") ?? ""), direction), setupPath(form));
  redirect(outcome.ok ? withFlash(setupPath(form), "evaluation-question-moved") : withFlash(setupPath(form), outcome.code, {}, "fehler"));
}

export async function submitEvaluationQuestionRemoval(form: FormData): Promise<void> {
  const outcome = await organiserAction((actor) => removeEvaluationQuestion(actor, String(form.get("questionId") ?? "")), setupPath(form));
  redirect(outcome.ok ? withFlash(setupPath(form), "evaluation-question-removed") : withFlash(setupPath(form), outcome.code, {}, "fehler"));
}

export async function submitEvaluationQuestionnaire(form: FormData): Promise<void> {
  const own = form.get("questionnaire") === "own";
  const outcome = await organiserAction((actor) => chooseEvaluationQuestionnaire(actor, String(form.get("workshopId") ?? ""), own), setupPath(form));
  if (!outcome.ok) redirect(withFlash(setupPath(form), outcome.code, {}, "fehler"));
  redirect(withFlash(setupPath(form), own ? "evaluation-own-questions" : "evaluation-default-questions"));
}
