import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { RegistrationStatus } from "../generated/prisma/enums";
import { enqueueEmail, type EmailAttachment } from "../email/enqueue-email";
import type { MailBase, MailSession, RenderedEmail } from "../email/templates/types";
import { isLocale } from "../i18n/catalogue";
import type { RegistrationMailContext } from "../registrations/notifications";

type Tx = Prisma.TransactionClient;

// The same shape lib/registrations/notifications.ts loads for one
// registration, here for all registrations of a session at once; typed as its
// RegistrationMailContext so invitationFor() accepts it.
const contextSelect = {
  id: true,
  firstName: true,
  lastName: true,
  email: true,
  locale: true,
  status: true,
  waitlistPosition: true,
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

/** The registrations of a session in the given states, as they are now in this transaction. */
export async function sessionMailContexts(tx: Tx, sessionId: string, statuses: RegistrationStatus[], extra: Prisma.RegistrationWhereInput = {}): Promise<RegistrationMailContext[]> {
  return tx.registration.findMany({
    where: { sessionId, status: { in: statuses }, anonymisedAt: null, ...extra },
    orderBy: { createdAt: "asc" },
    select: contextSelect,
  });
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

export async function sendToRegistration(tx: Tx, kind: string, context: RegistrationMailContext, email: RenderedEmail, attachments: EmailAttachment[] = []): Promise<void> {
  await enqueueEmail(tx, {
    ...email,
    kind,
    to: context.email,
    replyTo: context.session.workshop.programme.contactEmail,
    attachments,
    registrationId: context.id,
  });
}
