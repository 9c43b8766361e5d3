import "server-only";
import { z } from "zod";
import { buildInvitation } from "../calendar/build-invitation";
import { invitationUid } from "../calendar/invitation-uid";
import { invitationDescription } from "../calendar/session-description";
import { env } from "../env";
import { isLocale } from "../i18n/catalogue";
import { localizedText, type LocalizedText } from "../i18n/localized-text";
import type { EmailAttachment, OutgoingEmail } from "./enqueue-email";
import { renderCancellationConfirmed } from "./templates/cancellation-confirmed";
import { renderRegisteredForOtherDate } from "./templates/registered-for-other-date";
import { renderRegistrationOptIn } from "./templates/registration-opt-in";
import { renderRegistrationReceived } from "./templates/registration-received";
import { renderRegistrationRejected } from "./templates/registration-rejected";
import { renderSessionSwitched } from "./templates/session-switched";
import type { MailBase, MailProgramme, MailSession, RenderedEmail } from "./templates/types";
import { renderWaitlisted } from "./templates/waitlisted";
import { renderRegistrationApproved, renderRegistrationConfirmed, renderWaitlistPromoted } from "./templates/seat-confirmed";

// Emails about a registration: what they need to know (a plain, JSON-safe
// snapshot taken when the message is queued) and how they are composed. No
// I/O: the registration request queues the snapshot as a template and the
// outbox worker composes the message when it sends it (docs/decisions/0010).

const registrationMailContextSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  locale: z.string(),
  status: z.enum(["PENDING", "CONFIRMED", "WAITLISTED", "CANCELLED", "REJECTED"]),
  waitlistPosition: z.number().nullable(),
  holdExpiresAt: z.coerce.date().nullable().optional(),
  sessionId: z.string(),
  session: z.object({
    id: z.string(),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    timeZone: z.string(),
    format: z.enum(["ONLINE", "ON_SITE"]),
    joinUrl: z.string().nullable(),
    location: z.string().nullable(),
    sequence: z.number(),
    workshop: z.object({
      title: z.string(),
      summary: z.string(),
      // English versions (docs/decisions/0032); absent in templates queued before they existed.
      titleEn: z.string().nullable().optional(),
      summaryEn: z.string().nullable().optional(),
      /** For the way back after cancelling; absent in messages queued before it was added. */
      slug: z.string().optional(),
      programme: z.object({ name: z.string(), nameEn: z.string().nullable().optional(), contactEmail: z.string() }),
    }),
  }),
});

/** What every registration email needs; the seat hold only matters for the opt-in email. */
export type RegistrationMailContext = z.infer<typeof registrationMailContextSchema>;

const registrationMessageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("registration-confirmed"), manageUrl: z.string().optional() }),
  z.object({ kind: z.literal("waitlisted"), position: z.number(), manageUrl: z.string().optional() }),
  z.object({ kind: z.literal("waitlist-promoted") }),
  z.object({ kind: z.literal("cancellation-confirmed"), previousStatus: z.enum(["CONFIRMED", "WAITLISTED", "PENDING"]), byOrganiser: z.boolean().optional() }),
  // The confirmation link carries its own token, never the manage token (docs/decisions/0014).
  z.object({ kind: z.literal("opt-in"), confirmUrl: z.string() }),
  z.object({
    kind: z.literal("registered-for-other-date"),
    requested: z.object({ startsAt: z.coerce.date(), endsAt: z.coerce.date(), timeZone: z.string() }),
  }),
  z.object({ kind: z.literal("registration-received"), manageUrl: z.string().optional() }),
  z.object({ kind: z.literal("registration-approved") }),
  z.object({ kind: z.literal("registration-rejected"), organiserMessage: z.string().nullable().optional() }),
  // After a switch of dates: the left registration as it was, for the date shown and its calendar cancellation.
  z.object({
    kind: z.literal("session-switched"),
    previous: registrationMailContextSchema,
    previousStatus: z.enum(["CONFIRMED", "WAITLISTED"]),
    position: z.number().optional(),
    manageUrl: z.string().optional(),
  }),
]);

export type RegistrationMessage = z.infer<typeof registrationMessageSchema>;

/** A registration email as queued: rendered by composeRegistrationEmail when it is sent. */
export type RegistrationEmailTemplate = { context: RegistrationMailContext; message: RegistrationMessage; manageUrl: string | null };

const registrationEmailTemplateSchema = z.object({
  context: registrationMailContextSchema,
  message: registrationMessageSchema,
  manageUrl: z.string().nullable(),
});

/** Reads a stored template back; a malformed one is a bug in its writer and fails the message (it is retried, then FAILED). */
export function parseRegistrationEmailTemplate(value: unknown): RegistrationEmailTemplate {
  const parsed = registrationEmailTemplateSchema.safeParse(value);
  if (!parsed.success) throw new Error("stored email template is malformed");
  return parsed.data;
}

/** The programme as a mail names it: its English name in English mails where written, else the German one (marked for the HTML). */
export function mailProgramme(locale: string, programme: { name: string; nameEn?: string | null; contactEmail: string }): MailProgramme {
  const name = localizedText(locale, programme.name, programme.nameEn);
  return { name: name.text, nameLang: name.lang, contactEmail: programme.contactEmail };
}

export function mailBase(context: RegistrationMailContext): MailBase {
  return {
    locale: isLocale(context.locale) ? context.locale : "de",
    programme: mailProgramme(context.locale, context.session.workshop.programme),
    recipient: { firstName: context.firstName, lastName: context.lastName },
  };
}

/** The workshop's title and summary in the recipient's language: English where written, else German (marked for the HTML). */
function workshopTexts(context: RegistrationMailContext): { title: LocalizedText; summary: LocalizedText } {
  const { workshop } = context.session;
  return {
    title: localizedText(context.locale, workshop.title, workshop.titleEn),
    summary: localizedText(context.locale, workshop.summary, workshop.summaryEn),
  };
}

export function mailSession(context: RegistrationMailContext): MailSession {
  const { session } = context;
  const workshop = workshopTexts(context);
  return {
    workshopTitle: workshop.title,
    workshopSummary: workshop.summary,
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
    title: workshopTexts(context).title.text,
    description: invitationDescription({
      locale,
      summary: workshopTexts(context).summary.text,
      joinUrl: session.joinUrl,
      contactEmail: programme.contactEmail,
    }),
    location: session.format === "ONLINE" ? (session.joinUrl ?? undefined) : (session.location ?? undefined),
    url: session.joinUrl ?? undefined,
    organizer: { name: localizedText(locale, programme.name, programme.nameEn).text, email: programme.contactEmail },
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

/** Where someone who cancelled can register again: the workshop's dates with their free seats, and the programme. */
function wayBackUrls(context: RegistrationMailContext): { workshopUrl: string | null; programmeUrl: string } {
  const base = env().APP_URL.replace(/\/$/, "");
  const { slug } = context.session.workshop;
  return { workshopUrl: slug ? `${base}/workshops/${encodeURIComponent(slug)}` : null, programmeUrl: `${base}/` };
}

/** The email for a registration, rendered. */
export function composeRegistrationEmail({ context, message, manageUrl }: RegistrationEmailTemplate): OutgoingEmail {
  const base = mailBase(context);
  const session = mailSession(context);
  const email = (rendered: RenderedEmail, attachments: EmailAttachment[] = []): OutgoingEmail => ({
    ...rendered,
    kind: message.kind,
    to: context.email,
    replyTo: context.session.workshop.programme.contactEmail,
    attachments,
    registrationId: context.id,
  });
  const invitation = () => [calendarAttachment(invitationFor(context, "REQUEST"), "REQUEST", base.locale)];
  switch (message.kind) {
    case "registration-confirmed":
      return email(renderRegistrationConfirmed({ ...base, session, manageUrl: manageUrl! }), invitation());
    case "waitlisted":
      return email(renderWaitlisted({ ...base, session, position: message.position, manageUrl: manageUrl! }));
    case "waitlist-promoted":
      return email(renderWaitlistPromoted({ ...base, session, manageUrl: manageUrl! }), invitation());
    case "opt-in":
      return email(renderRegistrationOptIn({ ...base, session, confirmUrl: message.confirmUrl, holdExpiresAt: context.holdExpiresAt ?? new Date() }));
    case "registered-for-other-date":
      return email(renderRegisteredForOtherDate({ ...base, session, requested: message.requested, manageUrl: manageUrl! }));
    case "registration-received":
      return email(renderRegistrationReceived({ ...base, session, manageUrl: manageUrl! }));
    case "registration-approved":
      return email(renderRegistrationApproved({ ...base, session, manageUrl: manageUrl! }), invitation());
    case "registration-rejected":
      return email(renderRegistrationRejected({ ...base, session, organiserMessage: message.organiserMessage }));
    case "session-switched": {
      // One mail moves the calendar entry: the invitation for the new event and, when the old
      // date had one (a confirmed seat), its cancellation under the old UID with a raised SEQUENCE.
      const confirmed = context.status === "CONFIRMED";
      const cancelsPreviousEvent = message.previousStatus === "CONFIRMED";
      const previous = mailSession(message.previous);
      return email(
        renderSessionSwitched({
          ...base,
          session,
          previous,
          status: confirmed ? "CONFIRMED" : "WAITLISTED",
          position: message.position,
          cancelsPreviousEvent,
          manageUrl: manageUrl!,
        }),
        [
          ...(confirmed ? invitation() : []),
          ...(cancelsPreviousEvent ? [calendarAttachment(invitationFor(message.previous, "CANCEL"), "CANCEL", base.locale)] : []),
        ],
      );
    }
    case "cancellation-confirmed":
      return email(
        renderCancellationConfirmed({
          ...base,
          session,
          previousStatus: message.previousStatus === "WAITLISTED" ? "WAITLISTED" : "CONFIRMED",
          byOrganiser: message.byOrganiser,
          wayBack: wayBackUrls(context),
        }),
        message.previousStatus === "CONFIRMED" ? [calendarAttachment(invitationFor(context, "CANCEL"), "CANCEL", base.locale)] : [],
      );
  }
}
