import "server-only";
import type { AuditAction, AuditSubjectType } from "../audit/actions";
import type { Actor } from "../auth/authorisation";
import { db } from "../db";
import type { ExportFormat } from "./export-filter";
import { exportFilterEntries, type ExportFilter } from "./export-filter";

// Not lib/audit/record-audit.ts: that writes in the caller's transaction and
// its subjects are rows, while an export changes nothing and its subject is a
// selection. The event is written before the first byte goes out, so every
// download is on record even if the process dies half way; the row count is
// added when the file is complete (or the download was broken off).

export type ExportAuditStart = { actor: Actor; format: ExportFormat; filter: ExportFilter; reach: "all" | "assigned" };

export async function recordExportStarted(entry: ExportAuditStart): Promise<string> {
  const event = await db.auditEvent.create({
    data: {
      actorId: entry.actor.id,
      actorEmail: entry.actor.email,
      action: "export.registrations" satisfies AuditAction,
      subjectType: "export" satisfies AuditSubjectType,
      subjectId: entry.filter.sessionId ?? entry.filter.workshopId ?? null,
      details: { format: entry.format, reach: entry.reach, filter: Object.fromEntries(exportFilterEntries(entry.filter)), rows: null, completed: false },
    },
    select: { id: true },
  });
  return event.id;
}

/** The one update an audit event ever gets: the count of the export that wrote it. */
export async function recordExportFinished(eventId: string, rows: number, completed: boolean): Promise<void> {
  const event = await db.auditEvent.findUniqueOrThrow({ where: { id: eventId }, select: { details: true } });
  const details = event.details && typeof event.details === "object" && !Array.isArray(event.details) ? event.details : {};
  await db.auditEvent.update({ where: { id: eventId }, data: { details: { ...details, rows, completed } }, select: { id: true } });
}
