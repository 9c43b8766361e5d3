import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { AuditFilter } from "../admin/schema";
import { assertAdmin, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { likeLiteral } from "../input/text";
import { isUuid } from "../input/uuid";
import { zonedToInstant } from "../time/zoned";

export const AUDIT_PAGE_SIZE = 50;

export type AuditEntry = {
  id: string;
  createdAt: Date;
  actorEmail: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  details: unknown;
};

export type AuditPage = {
  entries: AuditEntry[];
  /** Cursor for the next older page, when there is one. */
  older: string | null;
  /** Cursor for the next newer page, when this is not the newest. */
  newer: string | null;
};

type Cursor = { createdAt: Date; id: string };

/** "<ISO instant>_<id>": the position of an entry in newest-first order. */
export function auditCursor(entry: Cursor): string {
  return `${entry.createdAt.toISOString()}_${entry.id}`;
}

function parseCursor(value: string | undefined): Cursor | null {
  const match = value?.match(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_(.+)$/);
  if (!match || !isUuid(match[2])) return null;
  const createdAt = new Date(match[1]!);
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2]!.toLowerCase() };
}

function nextDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, date! + 1)).toISOString().slice(0, 10);
}

function filterWhere(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filter.from) createdAt.gte = zonedToInstant(filter.from, "00:00", "Europe/Berlin");
  if (filter.to) createdAt.lt = zonedToInstant(nextDay(filter.to), "00:00", "Europe/Berlin");
  return {
    ...(filter.actor ? { actorEmail: { contains: likeLiteral(filter.actor), mode: "insensitive" } } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to ? { createdAt } : {}),
  };
}

const select = { id: true, createdAt: true, actorEmail: true, action: true, subjectType: true, subjectId: true, details: true } as const;

/**
 * The audit trail, newest first, 50 entries a page, for administrators only.
 * Pages continue from an entry (keyset on createdAt and id), so entries
 * written meanwhile never shift a page or show twice.
 */
export async function listAuditEvents(actor: Actor | null, filter: AuditFilter): Promise<AuditPage> {
  assertAdmin(actor);
  const where = filterWhere(filter);
  const after = parseCursor(filter.after);
  const before = after ? null : parseCursor(filter.before);

  if (after) {
    // Newer than the cursor: read upwards, then show newest first again.
    const rows = await db.auditEvent.findMany({
      where: { AND: [where, { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: AUDIT_PAGE_SIZE + 1,
      select,
    });
    const entries = rows.slice(0, AUDIT_PAGE_SIZE).reverse();
    const oldest = entries.at(-1);
    return { entries, newer: rows.length > AUDIT_PAGE_SIZE && entries[0] ? auditCursor(entries[0]) : null, older: oldest ? auditCursor(oldest) : null };
  }

  const rows = await db.auditEvent.findMany({
    where: before ? { AND: [where, { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: AUDIT_PAGE_SIZE + 1,
    select,
  });
  const entries = rows.slice(0, AUDIT_PAGE_SIZE);
  const newest = entries[0];
  return {
    entries,
    older: rows.length > AUDIT_PAGE_SIZE ? auditCursor(entries.at(-1)!) : null,
    newer: before && newest ? auditCursor(newest) : null,
  };
}

/** The actions that occur in the trail, for the filter's choice list. */
export async function listAuditActions(actor: Actor | null): Promise<string[]> {
  assertAdmin(actor);
  const rows = await db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((row) => row.action);
}
