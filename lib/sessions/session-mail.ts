import "server-only";
import type { EmailKind } from "../email/email-kinds";
import type { Prisma } from "../generated/prisma/client";
import type { RegistrationStatus } from "../generated/prisma/enums";
import { enqueueEmail, type EmailAttachment } from "../email/enqueue-email";
import type { RenderedEmail } from "../email/templates/types";
import { mailBase, mailSession, type RegistrationMailContext } from "../email/registration-email";
import { registrationMailSelect } from "../registrations/notifications";

// Shared with lib/registrations/notifications.ts: the same context, for all
// registrations of a session at once.
export { mailBase, mailSession };

type Tx = Prisma.TransactionClient;

/** The registrations of a session in the given states, as they are now in this transaction. */
export async function sessionMailContexts(
  tx: Tx,
  sessionId: string,
  statuses: RegistrationStatus[],
  extra: Prisma.RegistrationWhereInput = {},
): Promise<RegistrationMailContext[]> {
  return tx.registration.findMany({
    where: { sessionId, status: { in: statuses }, anonymisedAt: null, ...extra },
    orderBy: { createdAt: "asc" },
    select: registrationMailSelect,
  });
}

export async function sendToRegistration(
  tx: Tx,
  kind: EmailKind,
  context: RegistrationMailContext,
  email: RenderedEmail,
  attachments: EmailAttachment[] = [],
): Promise<void> {
  await enqueueEmail(tx, {
    ...email,
    kind,
    to: context.email,
    replyTo: context.session.workshop.programme.contactEmail,
    attachments,
    registrationId: context.id,
  });
}
