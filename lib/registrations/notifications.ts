import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { enqueueRegistrationEmail } from "../email/enqueue-email";
import type { RegistrationMailContext, RegistrationMessage } from "../email/registration-email";
import { env } from "../env";
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
      workshop: {
        select: {
          title: true,
          titleEn: true,
          summary: true,
          summaryEn: true,
          slug: true,
          programme: { select: { name: true, nameEn: true, contactEmail: true } },
        },
      },
    },
  },
} as const;

export async function loadRegistrationMailContext(tx: Tx, registrationId: string): Promise<RegistrationMailContext | null> {
  return tx.registration.findUnique({ where: { id: registrationId }, select: registrationMailSelect });
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

/** Writes the message about a registration to the outbox, in the caller's transaction. */
export async function notifyRegistration(tx: Tx, registrationId: string, message: RegistrationMessage): Promise<void> {
  const context = await loadRegistrationMailContext(tx, registrationId);
  if (!context) throw new Error(`Registration ${registrationId} not found for notification`);
  const needsLink = message.kind !== "cancellation-confirmed" && message.kind !== "registration-rejected";
  const manageUrl = needsLink ? ("manageUrl" in message && message.manageUrl) || (await issueManageUrl(tx, context.id)) : null;
  await enqueueRegistrationEmail(tx, { context, message, manageUrl });
}
