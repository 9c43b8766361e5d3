import "server-only";
import type { Prisma } from "../generated/prisma/client";
import { renderSessionChanged } from "../email/templates/session-changed";
import type { MailSession } from "../email/templates/types";
import { calendarAttachment, invitationFor } from "../email/registration-email";
import { issueManageUrl } from "../registrations/notifications";
import { mailBase, mailSession, sendToRegistration, sessionMailContexts } from "./session-mail";

type Tx = Prisma.TransactionClient;

export type PreviousSession = Omit<MailSession, "workshopTitle" | "workshopSummary">;

/**
 * Tells people about a changed session, in the caller's transaction and after
 * the update (contexts are loaded fresh, so invitations carry the raised
 * SEQUENCE): confirmed seats get the notice with the join link and the
 * updated invitation; waiting people only hear of a changed time.
 */
export async function notifySessionChanged(
  tx: Tx,
  sessionId: string,
  previous: PreviousSession,
  options: { timeChanged: boolean; except?: string[] },
): Promise<number> {
  const statuses = options.timeChanged ? (["CONFIRMED", "WAITLISTED"] as const) : (["CONFIRMED"] as const);
  const contexts = await sessionMailContexts(tx, sessionId, [...statuses], { id: { notIn: options.except ?? [] } });
  for (const context of contexts) {
    const base = mailBase(context);
    const confirmed = context.status === "CONFIRMED";
    const email = renderSessionChanged({
      ...base,
      session: mailSession(context),
      previous,
      registrationStatus: confirmed ? "CONFIRMED" : "WAITLISTED",
      manageUrl: await issueManageUrl(tx, context.id),
    });
    const attachments = confirmed ? [calendarAttachment(invitationFor(context, "REQUEST"), "REQUEST", base.locale)] : [];
    await sendToRegistration(tx, "session-changed", context, email, attachments);
  }
  return contexts.length;
}
