// What an outgoing email is about, stored with it in the outbox ("kind") and
// shown in the mailbox by its label ("mailbox.kinds"). Pure. A kind without a
// label fails the type check where the mailbox looks it up.
import type { RegistrationMessage } from "./registration-email";

export const emailKinds = [
  "opt-in",
  "registration-received",
  "registration-confirmed",
  "registration-approved",
  "registration-rejected",
  "waitlisted",
  "waitlist-promoted",
  "registered-for-other-date",
  "cancellation-confirmed",
  "session-switched",
  "reminder",
  "organiser-message",
  "session-changed",
  "session-cancelled",
  "session-materials",
  "user-invitation",
  "sign-in-link",
  "evaluation-invitation",
  "evaluation-reminder",
  "email-change-confirm",
  "email-changed",
] as const;

export type EmailKind = (typeof emailKinds)[number];

// Every registration template's kind is an email kind (and so has a label).
type MissingRegistrationKinds = Exclude<RegistrationMessage["kind"], EmailKind>;
export const registrationKindsAreEmailKinds: MissingRegistrationKinds extends never ? true : never = true;

export function isEmailKind(value: string): value is EmailKind {
  return (emailKinds as readonly string[]).includes(value);
}
