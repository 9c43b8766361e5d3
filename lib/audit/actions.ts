// Every action the audit trail records, and the key of its label in the
// catalogue ("admin.audit.actions"). Pure: the audit page, the data-subject
// page and every writer share it. Writers take an AuditAction, readers turn
// one into its label with auditActionLabelKey; a new action without a label in
// the catalogue fails the type check there (next-intl types its keys).

export const auditActions = [
  "attendance.mark",
  "attendee.add",
  "attendee.approve",
  "attendee.cancel",
  "attendee.promote",
  "attendee.reject",
  "certificate.download",
  "certificate.issuer-saved",
  "certificate.signature-removed",
  "certificate.signature-uploaded",
  "evaluation-question.create",
  "evaluation-question.move",
  "evaluation-question.remove",
  "evaluation-question.update",
  "export.evaluation",
  "export.registrations",
  "instrument.create",
  "instrument.update",
  "material.create",
  "material.delete",
  "material.upload",
  "privacy.retention.anonymise",
  "privacy.subject.erase",
  "privacy.subject.export",
  "privacy.subject.lookup",
  "programme.create",
  "programme.embed-origins",
  "programme.evaluation-defaults",
  "programme.update",
  "question.create",
  "question.delete",
  "question.move",
  "question.update",
  "registration.details-corrected",
  "registration.email-change-requested",
  "registration.email-changed",
  "report.funder",
  "session.cancel",
  "session.create",
  "session.materials-sent",
  "session.message",
  "session.update",
  "user.assign",
  "user.create",
  "user.deactivate",
  "user.invite",
  "user.invite.resend",
  "user.reactivate",
  "user.role",
  "user.sign-in-link",
  "user.unassign",
  "user.update",
  "workshop.create",
  "workshop.evaluation-questionnaire",
  "workshop.evaluation-settings",
  "workshop.instruments",
  "workshop.publish",
  "workshop.unpublish",
  "workshop.update",
] as const;

export type AuditAction = (typeof auditActions)[number];

/** Dots are paths in next-intl's keys, so "user.invite.resend" is labelled under "user_invite_resend". */
type LabelKey<Action extends string> = Action extends `${infer Head}.${infer Rest}` ? `${Head}_${LabelKey<Rest>}` : Action;
export type AuditActionLabelKey = LabelKey<AuditAction>;

export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as readonly string[]).includes(value);
}

/** The catalogue key of an action's label; null for an action no longer written (older entries keep their code). */
export function auditActionLabelKey(action: string): `actions.${AuditActionLabelKey}` | null {
  return isAuditAction(action) ? (`actions.${action.replaceAll(".", "_")}` as `actions.${AuditActionLabelKey}`) : null;
}

export const auditSubjectTypes = [
  "workshop",
  "session",
  "registration",
  "question",
  "material",
  "instrument",
  "user",
  "programme",
  "export",
  "report",
  "data-subject",
] as const;
export type AuditSubjectType = (typeof auditSubjectTypes)[number];

export function isAuditSubjectType(value: string): value is AuditSubjectType {
  return (auditSubjectTypes as readonly string[]).includes(value);
}
