"use server";
import { redirect } from "next/navigation";
import { cancelAttendee } from "@/lib/attendees/cancel-attendee";
import { decideAttendee } from "@/lib/attendees/decide-attendee";
import { markAttendance } from "@/lib/attendees/mark-attendance";
import { promoteAttendee } from "@/lib/attendees/promote-attendee";
import { attendanceMarks } from "@/lib/attendees/schema";
import { organiserAction } from "@/lib/auth/organiser-action";
import { sendSessionMaterials } from "@/lib/materials/send-session-materials";
import { withFlash, type OrganiserOutcomeCode } from "@/lib/organiser/flash";
import { formValues } from "@/lib/organiser/form-state";

function sessionPath(form: FormData, anchor = ""): `/organisation/termine/${string}` {
  return `/organisation/termine/${String(form.get("sessionId") ?? "")}${anchor}`;
}

function back(form: FormData, outcome: { ok: true } | { ok: false; code: OrganiserOutcomeCode; capacity?: number }, success: OrganiserOutcomeCode): never {
  const path = sessionPath(form);
  if (outcome.ok) redirect(withFlash(path, success));
  redirect(withFlash(path, outcome.code, "capacity" in outcome && typeof outcome.capacity === "number" ? { capacity: outcome.capacity } : {}, "fehler"));
}

export async function submitAttendeeCancellation(form: FormData): Promise<void> {
  const outcome = await organiserAction((actor) => cancelAttendee(actor, String(form.get("registrationId") ?? "")), sessionPath(form));
  back(form, outcome, outcome.ok && outcome.promoted > 0 ? "attendee-cancelled-promoted" : "attendee-cancelled");
}

export async function submitPromotion(form: FormData): Promise<void> {
  const override = form.get("override") === "1";
  const outcome = await organiserAction((actor) => promoteAttendee(actor, String(form.get("registrationId") ?? ""), { override }), sessionPath(form));
  back(form, outcome, outcome.ok && outcome.capacityRaised ? "attendee-promoted-raised" : "attendee-promoted");
}

export async function submitAttendance(form: FormData): Promise<void> {
  const marks = attendanceMarks(formValues(form));
  const outcome = await organiserAction((actor) => markAttendance(actor, String(form.get("sessionId") ?? ""), marks), sessionPath(form));
  back(form, outcome, "attendance-saved");
}

export async function submitDecision(form: FormData): Promise<void> {
  const approve = form.get("decision") === "approve";
  const message = typeof form.get("message") === "string" ? String(form.get("message")) : null;
  const outcome = await organiserAction(
    (actor) => decideAttendee(actor, String(form.get("registrationId") ?? ""), approve ? { approve: true } : { approve: false, message }),
    sessionPath(form),
  );
  back(form, outcome, approve ? "attendee-approved" : "attendee-rejected");
}

export async function submitMaterialsMail(form: FormData): Promise<void> {
  const recipients = form.get("recipients") === "attended" ? "attended" : "confirmed";
  const outcome = await organiserAction((actor) => sendSessionMaterials(actor, String(form.get("sessionId") ?? ""), recipients), sessionPath(form));
  if (outcome.ok) redirect(withFlash(sessionPath(form), "materials-sent", { count: outcome.sent, notified: outcome.alreadySent }));
  redirect(withFlash(sessionPath(form), outcome.code, {}, "fehler"));
}
