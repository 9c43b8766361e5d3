"use server";
import { eraseSubjectData, findSubjectData } from "@/lib/admin/data-subject-requests";
import { dataSubjectIntents, type DataSubjectIntent, type DataSubjectState } from "@/lib/admin/data-subject-state";
import { organiserAction } from "@/lib/auth/organiser-action";

const path = "/organisation/admin/auskunft";

/**
 * One action for the page's three steps: find what is stored, ask for
 * confirmation (showing it again), erase. Every step goes to the server, so
 * the confirmation works without JavaScript.
 */
export async function handleDataSubjectRequest(previous: DataSubjectState, form: FormData): Promise<DataSubjectState> {
  const email = String(form.get("email") ?? "").trim();
  const requested = String(form.get("intent") ?? "find");
  const intent: DataSubjectIntent = (dataSubjectIntents as readonly string[]).includes(requested) ? (requested as DataSubjectIntent) : "find";
  const next = { submission: previous.submission + 1, email };

  if (intent === "confirm-erase") {
    const outcome = await organiserAction((actor) => eraseSubjectData(actor, email), path);
    if (!outcome.ok) return { ...next, step: "search", error: outcome.code };
    return { ...next, step: "erased", counts: outcome.counts };
  }
  const outcome = await organiserAction((actor) => findSubjectData(actor, email), path);
  if (!outcome.ok) return { ...next, step: "search", error: outcome.code };
  return { ...next, step: intent === "erase" ? "confirm" : "found", data: outcome.data };
}
