// The audit log page's data: administrators only, newest first, 50 a page,
// filters by actor, action and Berlin days, and keyset pages that neither skip
// nor repeat entries (even entries written in the same millisecond).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { auditFilterSchema } from "@/lib/admin/schema";
import { AUDIT_PAGE_SIZE, listAuditActions, listAuditEvents } from "@/lib/audit/queries";
import { AuthorizationError, type Actor } from "@/lib/auth/authorisation";
import { db } from "@/lib/db";

async function user(role: "ADMIN" | "ORGANISER"): Promise<Actor> {
  return db.user.create({
    data: { email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.org`, role },
    select: { id: true, email: true, name: true, role: true },
  });
}

const filter = (values: Record<string, string | undefined>) => auditFilterSchema.parse(values);

/** 120 events of one fresh action, one a minute going back from 2030-06-15 12:00 UTC, every tenth pair in the same millisecond. */
async function trail(actor: Actor) {
  const action = `test.audit-${randomUUID().slice(0, 8)}`;
  const start = Date.parse("2030-06-15T12:00:00.000Z");
  const events = Array.from({ length: 120 }, (_, index) => ({
    id: randomUUID(),
    actorId: actor.id,
    actorEmail: actor.email,
    action,
    subjectType: "user",
    subjectId: actor.id,
    details: { index },
    createdAt: new Date(start - (index % 10 === 2 ? index - 1 : index) * 60_000),
  }));
  await db.auditEvent.createMany({ data: events });
  return { action, events };
}

describe("the audit log", () => {
  it("pages newest first, 50 at a time, without gaps or repeats, forwards and back", async () => {
    const admin = await user("ADMIN");
    const { action } = await trail(admin);
    const first = await listAuditEvents(admin, filter({ action }));
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.newer).toBeNull();
    const second = await listAuditEvents(admin, filter({ action, before: first.older! }));
    const third = await listAuditEvents(admin, filter({ action, before: second.older! }));
    expect(third.entries).toHaveLength(20);
    expect(third.older).toBeNull();

    const all = [...first.entries, ...second.entries, ...third.entries];
    expect(new Set(all.map((entry) => entry.id)).size).toBe(120);
    const times = all.map((entry) => entry.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((first.entries[0]!.details as { index: number }).index).toBe(0);

    const back = await listAuditEvents(admin, filter({ action, after: second.newer! }));
    expect(back.entries.map((entry) => entry.id)).toEqual(first.entries.map((entry) => entry.id));
    expect(back.newer).toBeNull();
    expect(await listAuditActions(admin)).toContain(action);
  });

  it("filters by a part of the actor's address and by days in German time", async () => {
    const admin = await user("ADMIN");
    const other = await user("ADMIN");
    const { action } = await trail(admin);
    await trail(other);
    const local = admin.email.split("@")[0]!.toUpperCase();
    const byActor = await listAuditEvents(admin, filter({ actor: local }));
    expect(byActor.entries.length).toBeGreaterThan(0);
    expect(byActor.entries.every((entry) => entry.actorEmail === admin.email)).toBe(true);

    // The 120 events fall between 12:01 and 14:00 on 15 June in Berlin (UTC+2); the 14th ends at 2030-06-14T22:00Z.
    const day = await listAuditEvents(admin, filter({ action, from: "2030-06-15", to: "2030-06-15" }));
    expect(day.entries).toHaveLength(AUDIT_PAGE_SIZE);
    const before = await listAuditEvents(admin, filter({ action, to: "2030-06-14" }));
    expect(before.entries).toHaveLength(0);
    const range = await listAuditEvents(admin, filter({ action, from: "2030-06-15", to: "2030-06-15", before: day.older! }));
    const everything = [...day.entries, ...range.entries];
    expect(everything.every((entry) => entry.createdAt.getTime() >= Date.parse("2030-06-14T22:00:00.000Z"))).toBe(true);
  });

  it("is for administrators only", async () => {
    const organiser = await user("ORGANISER");
    await expect(listAuditEvents(organiser, filter({}))).rejects.toBeInstanceOf(AuthorizationError);
    await expect(listAuditEvents(null, filter({}))).rejects.toBeInstanceOf(AuthorizationError);
    await expect(listAuditActions(organiser)).rejects.toBeInstanceOf(AuthorizationError);
  });

  it("ignores malformed filters and cursors instead of failing", async () => {
    const admin = await user("ADMIN");
    const page = await listAuditEvents(admin, filter({ action: "DROP TABLE", from: "gestern", before: "kein-cursor" }));
    expect(page.entries.length).toBeGreaterThan(0);
  });
});
