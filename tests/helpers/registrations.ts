import { randomUUID } from "node:crypto";
import { registerParticipant, type RegisterContext, type RegisterOutcome } from "@/lib/registrations/register-participant";

/** An address no other test (or earlier run) uses: `<label>-<8 hex>@example.org`. */
export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.org`;
}

/** The registration form as a person fills it in (consent given, honeypot empty); `fields` replaces single answers. */
export function registrationFields(sessionId: string, fields: Record<string, unknown> = {}): Record<string, unknown> {
  const email = typeof fields.email === "string" ? fields.email : uniqueEmail("teilnahme");
  return {
    sessionId,
    firstName: "Test",
    lastName: email.split("@")[0],
    email,
    organisation: "Gemeinde Beispiel",
    role: "ADMINISTRATION",
    accessibilityNeeds: "",
    answers: {},
    consent: true,
    privacyNoticeVersion: "1",
    website: "",
    locale: "de",
    ...fields,
  };
}

/** Registers one person through the real command; a refusal throws, so the test fails where the setup broke. */
export async function registerForTest(
  sessionId: string,
  fields: Record<string, unknown> = {},
  context: RegisterContext = { ip: null },
): Promise<Extract<RegisterOutcome, { ok: true }>> {
  const outcome = await registerParticipant(registrationFields(sessionId, fields), context);
  if (!outcome.ok) throw new Error(`registration failed: ${outcome.code}`);
  return outcome;
}
