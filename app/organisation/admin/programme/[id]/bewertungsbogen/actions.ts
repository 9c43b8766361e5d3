"use server";
import { redirect } from "next/navigation";
import { organiserAction } from "@/lib/auth/organiser-action";
import { moveEvaluationQuestion } from "@/lib/evaluation/move-evaluation-question";
import { removeEvaluationQuestion } from "@/lib/evaluation/remove-evaluation-question";
import { saveEvaluationQuestion } from "@/lib/evaluation/save-evaluation-question";
import { updateEvaluationDefaults } from "@/lib/evaluation/update-evaluation-defaults";
import { withFlash } from "@/lib/organiser/flash";
import { formValues, refusedState, type OrganiserFormState } from "@/lib/organiser/form-state";

function questionnairePath(form: FormData) {
  return `/organisation/admin/programme/${String(form.get("programmeId") ?? "")}/bewertungsbogen` as const;
}

export async function submitEvaluationDefaults(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const outcome = await organiserAction((actor) => updateEvaluationDefaults(actor, values.programmeId ?? "", values), questionnairePath(form));
  if (outcome.ok) redirect(withFlash(questionnairePath(form), "evaluation-defaults-saved"));
  return refusedState(previous, values, outcome);
}

export async function submitDefaultQuestion(previous: OrganiserFormState, form: FormData): Promise<OrganiserFormState> {
  const values = formValues(form);
  const target = values.questionId ? { questionId: values.questionId } : { programmeId: values.programmeId ?? "" };
  const outcome = await organiserAction((actor) => saveEvaluationQuestion(actor, target, values), questionnairePath(form));
  if (outcome.ok) redirect(withFlash(questionnairePath(form), "evaluation-question-saved"));
  return refusedState(previous, values, outcome);
}

export async function submitDefaultQuestionMove(form: FormData): Promise<void> {
  const direction = form.get("direction") === "up" ? "up" : "down";
  const outcome = await organiserAction((actor) => moveEvaluationQuestion(actor, String(form.get("questionId") ?? ""), direction), questionnairePath(form));
  redirect(outcome.ok ? withFlash(questionnairePath(form), "evaluation-question-moved") : withFlash(questionnairePath(form), outcome.code, {}, "fehler"));
}

export async function submitDefaultQuestionRemoval(form: FormData): Promise<void> {
  const outcome = await organiserAction((actor) => removeEvaluationQuestion(actor, String(form.get("questionId") ?? "")), questionnairePath(form));
  redirect(outcome.ok ? withFlash(questionnairePath(form), "evaluation-question-removed") : withFlash(questionnairePath(form), outcome.code, {}, "fehler"));
}
