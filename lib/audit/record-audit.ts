import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Actor } from "../auth/authorisation";
import type { AuditAction, AuditSubjectType } from "./actions";

export type AuditEntry = {
  actor: Pick<Actor, "id" | "email"> | null;
  /** Dotted verb, e.g. "session.update", "attendee.add"; each has a label in the catalogue (lib/audit/actions.ts). */
  action: AuditAction;
  subjectType: Exclude<AuditSubjectType, "export" | "report" | "data-subject">;
  subjectId: string | null;
  details?: Prisma.InputJsonObject;
};

/** Writes who did what in the caller's transaction, so the record exists exactly when the change does. */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      details: entry.details ?? {},
    },
    select: { id: true },
  });
}
