"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/http/client-ip";
import type { RegistrationFormState } from "@/lib/registrations/form-state";
import { getRegistrationTargetForSubmission } from "@/lib/registrations/queries";
import { answeredAsReceived, registerParticipant } from "@/lib/registrations/register-participant";
import { registrationFormValues } from "@/lib/registrations/schema";

export async function submitRegistration(previous: RegistrationFormState, form: FormData): Promise<RegistrationFormState> {
  const sessionId = form.get("sessionId");
  // The same two-second copy registerParticipant reads (the API's path): in a rush every post needs it.
  const target = typeof sessionId === "string" ? await getRegistrationTargetForSubmission(sessionId) : null;
  const values = registrationFormValues(form, target?.questions ?? []);
  const outcome = await registerParticipant(values, { ip: clientIp(await headers()) });
  // The same page whether the address was new, registered already or
  // registered for another date; the email says which (docs/decisions/0014).
  if (answeredAsReceived(outcome)) redirect(`/termine/${target!.session.id}/anmeldung/eingegangen`);

  const { website: _honeypot, ...kept } = values;
  return {
    submission: previous.submission + 1,
    values: kept,
    fieldErrors: outcome.code === "invalid" ? outcome.fieldErrors : {},
    outcome: outcome.code === "invalid" ? undefined : outcome.code,
  };
}
