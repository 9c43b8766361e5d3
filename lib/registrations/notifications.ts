import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { buildInvitation } from "../calendar/build-invitation";
import { invitationUid } from "../calendar/invitation-uid";
import { invitationDescription } from "../calendar/session-description";
import { enqueueEmail, type EmailAttachment, type OutgoingEmail } from "../email/enqueue-email";
import { renderCancellationConfirmed } from "../email/templates/cancellation-confirmed";
import { renderRegistrationApproved } from "../email/templates/registration-approved";
import { renderRegistrationConfirmed } from "../email/templates/registration-confirmed";
import { renderRegistrationOptIn } from "../email/templates/registration-opt-in";
import { renderRegistrationReceived } from "../email/templates/registration-received";
import { renderRegistrationRejected } from "../email/templates/registration-rejected";
import type { MailBase, MailSession, RenderedEmail } from "../email/templates/types";
import { renderWaitlistPromoted } from "../email/templates/waitlist-promoted";
import { renderWaitlisted } from "../email/templates/waitlisted";
import { env } from "../env";
import { isLocale } from "../i18n/catalogue";
import { createManageToken } from "./manage-token";

type Tx = Prisma.TransactionClient;

/** What every registration email needs to know, as a Prisma select. */
export const registrationMailSelect = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  locale: true,
  status: true,
  waitlistPosition: true,
  holdExpiresAt: true,
  sessionId: true,
  session: {
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      timeZone: true,
      format: true,
      joinUrl: true,
      location: true,
      sequence: true,
      workshop: { select: { title: true, summary: true, programme: { select: { name: true, contactEmail: true } } } },
    },
  },
} as const;

type LoadedMailContext = NonNullable<Awaited<ReturnType<typeof loadRegistrationMailContext>>>;
/** What every registration email needs; the seat hold only matters for the opt-in email. */
export type RegistrationMailContext = Omit<LoadedMailContext, "holdExpiresAt"> & { holdExpiresAt?: Date | null };

export async function loadRegistrationMailContext(tx: Tx, registrationId: string) {
  return tx.registration.findUnique({ where: { id: registrationId }, select: registrationMailSelect });
}

export function mailBase(context: RegistrationMailContext): MailBase {
  const { programme } = context.session.workshop;
  return {
    locale: isLocale(context.locale) ? context.locale : "de",
    programme: { name: programme.name, contactEmail: programme.contactEmail },
    recipient: { firstName: context.firstName, lastName: context.lastName },
  };
}

export function mailSession(context: RegistrationMailContext): MailSession {
  const { session } = context;
  return {
    workshopTitle: session.workshop.title,
    workshopSummary: session.workshop.summary,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    timeZone: session.timeZone,
    format: session.format,
    joinUrl: session.joinUrl,
    location: session.location,
  };
}

/** The calendar file for a registration's session; the manage link is never part of it. */
export function invitationFor(context: RegistrationMailContext, method: "REQUEST" | "CANCEL"): string {
  const { session } = context;
  const { programme } = session.workshop;
  const locale = isLocale(context.locale) ? context.locale : "de";
  return buildInvitation({
    method,
    uid: invitationUid(context.id, session.id, new URL(env().APP_URL).hostname),
    // A cancellation must outrank every invitation sent for the same UID.
    sequence: method === "CANCEL" ? session.sequence + 1 : session.sequence,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    title: session.workshop.title,
    description: invitationDescription({ locale, summary: session.workshop.summary, joinUrl: session.joinUrl, contactEmail: programme.contactEmail }),
    location: session.format === "ONLINE" ? (session.joinUrl ?? undefined) : (session.location ?? undefined),
    url: session.joinUrl ?? undefined,
    organizer: { name: programme.name, email: programme.contactEmail },
    attendee: { name: `${context.firstName} ${context.lastName}`, email: context.email },
  });
}

export function calendarAttachment(ics: string, method: "REQUEST" | "CANCEL", locale: string): EmailAttachment {
  return {
    filename: method === "CANCEL" ? (locale === "en" ? "cancellation.ics" : "absage.ics") : locale === "en" ? "invitation.ics" : "einladung.ics",
    contentType: `text/calendar; charset=UTF-8; method=${method}`,
    content: ics,
  };
}

export function manageUrlFor(token: string): string {
  return `${env().APP_URL.replace(/\/$/, "")}/r/${token}`;
}

/** A fresh private link for this email; earlier links stay valid. */
export async function issueManageUrl(tx: Tx, registrationId: string): Promise<string> {
  const { token, hash } = createManageToken();
  await tx.manageToken.create({ data: { hash, registrationId }, select: { hash: true } });
  return manageUrlFor(token);
}

export type RegistrationMessage =
  | { kind: "registration-confirmed"; manageUrl?: string }
  | { kind: "waitlisted"; position: number; manageUrl?: string }
  | { kind: "waitlist-promoted" }
  | { kind: "cancellation-confirmed"; previousStatus: "CONFIRMED" | "WAITLISTED" | "PENDING"; byOrganiser?: boolean }
  | { kind: "opt-in"; manageUrl?: string }
  | { kind: "registration-received"; manageUrl?: string }
  | { kind: "registration-approved" }
  | { kind: "registration-rejected"; organiserMessage?: string | null };

/** The email for a registration, rendered; no I/O, so callers can prepare it before taking a lock. */
export function composeRegistrationEmail(context: RegistrationMailContext, message: RegistrationMessage, manageUrl: string | null): OutgoingEmail {
  const base = mailBase(context);
  const session = mailSession(context);
  const email = (kind: string, rendered: RenderedEmail, attachments: EmailAttachment[] = []): OutgoingEmail => ({
    ...rendered,
    kind,
    to: context.email,
    replyTo: context.session.workshop.programme.contactEmail,
    attachments,
    registrationId: context.id,
  });
  const invitation = () => [calendarAttachment(invitationFor(context, "REQUEST"), "REQUEST", base.locale)];
  switch (message.kind) {
    case "registration-confirmed":
      return email(message.kind, renderRegistrationConfirmed({ ...base, session, manageUrl: manageUrl! }), invitation());
    case "waitlisted":
      return email(message.kind, renderWaitlisted({ ...base, session, position: message.position, manageUrl: manageUrl! }));
    case "waitlist-promoted":
      return email(message.kind, renderWaitlistPromoted({ ...base, session, manageUrl: manageUrl! }), invitation());
    case "opt-in":
      return email(message.kind, renderRegistrationOptIn({ ...base, session, confirmUrl: `${manageUrl!}/bestaetigen`, holdExpiresAt: context.holdExpiresAt ?? new Date() }));
    case "registration-received":
      return email(message.kind, renderRegistrationReceived({ ...base, session, manageUrl: manageUrl! }));
    case "registration-approved":
      return email(message.kind, renderRegistrationApproved({ ...base, session, manageUrl: manageUrl! }), invitation());
    case "registration-rejected":
      return email(message.kind, renderRegistrationRejected({ ...base, session, organiserMessage: message.organiserMessage }));
    case "cancellation-confirmed":
      return email(
        message.kind,
        renderCancellationConfirmed({ ...base, session, previousStatus: message.previousStatus === "WAITLISTED" ? "WAITLISTED" : "CONFIRMED", byOrganiser: message.byOrganiser }),
        message.previousStatus === "CONFIRMED" ? [calendarAttachment(invitationFor(context, "CANCEL"), "CANCEL", base.locale)] : [],
      );
  }
}

/** Writes the message about a registration to the outbox, in the caller's transaction. */
export async function notifyRegistration(tx: Tx, registrationId: string, message: RegistrationMessage): Promise<void> {
  const context = await loadRegistrationMailContext(tx, registrationId);
  if (!context) throw new Error(`Registration ${registrationId} not found for notification`);
  const needsLink = message.kind !== "cancellation-confirmed" && message.kind !== "registration-rejected";
  const manageUrl = needsLink ? (("manageUrl" in message && message.manageUrl) || (await issueManageUrl(tx, context.id))) : null;
  await enqueueEmail(tx, composeRegistrationEmail(context, message, manageUrl));
}
