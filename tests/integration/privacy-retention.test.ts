import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { ParticipantRole, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { anonymiseExpiredRegistrations } from "@/lib/privacy/anonymise-ended-sessions";
import { uniqueSlug } from "../helpers/factories";

const DAY = 24 * 3_600_000;

/** A programme with one session per entry of `endedDaysAgo` (sessions in the past cannot be registered for; rows are inserted). */
async function programmeWithPastSessions(endedDaysAgo: number[], retentionDays?: number) {
  const programme = await db.programme.create({
    data: {
      slug: uniqueSlug("retention"),
      name: "Aufbewahrung",
      description: "Test",
      contactEmail: "kontakt@example.org",
      retentionDays,
      privacyNotices: { create: { version: 1, text: "Datenschutzhinweise" } },
    },
    select: { id: true, privacyNotices: { select: { id: true } } },
  });
  const workshop = await db.workshop.create({
    data: { programmeId: programme.id, slug: uniqueSlug("workshop"), title: "Vergangen", summary: "", description: "" },
    select: { id: true },
  });
  const sessionIds: string[] = [];
  for (const daysAgo of endedDaysAgo) {
    const endsAt = new Date(Date.now() - daysAgo * DAY);
    const session = await db.session.create({
      data: { workshopId: workshop.id, startsAt: new Date(endsAt.getTime() - 2 * 3_600_000), endsAt, capacity: 20 },
      select: { id: true },
    });
    sessionIds.push(session.id);
  }
  return { programmeId: programme.id, privacyNoticeId: programme.privacyNotices[0]!.id, sessionIds };
}

let ticket = 0;

async function insertRegistration(
  sessionId: string,
  privacyNoticeId: string,
  status: RegistrationStatus,
  role: ParticipantRole,
  attended: boolean | null = null,
) {
  const email = `person-${randomUUID().slice(0, 8)}@example.org`;
  const registration = await db.registration.create({
    data: {
      sessionId,
      status,
      waitlistPosition: status === "WAITLISTED" ? (ticket += 1) : null,
      firstName: "Erika",
      lastName: "Mustermann",
      email,
      organisation: "Stadt Beispiel",
      role,
      accessibilityNeeds: "Gebärdensprache",
      answers: { frage: "Antwort" },
      privacyNoticeId,
      consentedAt: new Date(Date.now() - 300 * DAY),
      attended,
      manageTokens: { create: { hash: randomUUID() } },
      messages: {
        create: [
          {
            messageId: `<${randomUUID()}@test>`,
            kind: "registration-confirmed",
            toAddress: email,
            subject: "Bestätigung",
            html: "<p>Hallo Erika</p>",
            text: "Hallo Erika",
            status: "SENT",
          },
          {
            messageId: `<${randomUUID()}@test>`,
            kind: "reminder",
            toAddress: email,
            subject: "Erinnerung",
            html: "<p>Hallo Erika</p>",
            text: "Hallo Erika",
            status: "FAILED",
          },
        ],
      },
    },
    select: { id: true },
  });
  return { id: registration.id, email };
}

function tally(sessionId: string) {
  return db.registration.groupBy({
    by: ["status", "role", "attended"],
    where: { sessionId },
    _count: { _all: true },
    orderBy: [{ status: "asc" }, { role: "asc" }, { attended: "asc" }],
  });
}

describe("retention of registrations after a session", () => {
  it("anonymises the people of sessions past the retention period and keeps the counts for reports", async () => {
    const { privacyNoticeId, sessionIds } = await programmeWithPastSessions([200, 100]);
    const [expired, recent] = sessionIds as [string, string];
    const people = [
      await insertRegistration(expired, privacyNoticeId, "CONFIRMED", "ADMINISTRATION", true),
      await insertRegistration(expired, privacyNoticeId, "CONFIRMED", "ELECTED_OFFICIAL", false),
      await insertRegistration(expired, privacyNoticeId, "CANCELLED", "CIVIL_SOCIETY"),
      await insertRegistration(expired, privacyNoticeId, "WAITLISTED", "OTHER"),
    ];
    const kept = await insertRegistration(recent, privacyNoticeId, "CONFIRMED", "ADMINISTRATION", true);
    const countsBefore = await tally(expired);
    const startedAt = new Date();

    const anonymised = await anonymiseExpiredRegistrations();

    expect(anonymised).toBeGreaterThanOrEqual(people.length);
    const rows = await db.registration.findMany({
      where: { sessionId: expired },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        email: true,
        organisation: true,
        accessibilityNeeds: true,
        answers: true,
        anonymisedAt: true,
        consentedAt: true,
        privacyNoticeId: true,
      },
    });
    for (const row of rows) {
      expect(row).toMatchObject({
        firstName: "",
        lastName: "",
        email: `anonymised-${row.id}@invalid`,
        organisation: "",
        accessibilityNeeds: null,
        answers: {},
        privacyNoticeId,
      });
      expect(row.anonymisedAt).not.toBeNull();
      expect(row.consentedAt).toBeInstanceOf(Date);
    }
    expect(await tally(expired)).toEqual(countsBefore);
    const ids = people.map((person) => person.id);
    expect(await db.manageToken.count({ where: { registrationId: { in: ids } } })).toBe(0);
    expect(
      await db.outboxMessage.count({ where: { OR: [{ registrationId: { in: ids } }, { toAddress: { in: people.map((person) => person.email) } }] } }),
    ).toBe(0);

    // The session that ended 100 days ago is still within the 180 days.
    const untouched = await db.registration.findUniqueOrThrow({
      where: { id: kept.id },
      select: { email: true, anonymisedAt: true, _count: { select: { manageTokens: true, messages: true } } },
    });
    expect(untouched).toEqual({ email: kept.email, anonymisedAt: null, _count: { manageTokens: 1, messages: 2 } });

    const audit = await db.auditEvent.findMany({
      where: { action: "privacy.retention.anonymise", createdAt: { gte: startedAt } },
      select: { actorId: true, details: true },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, details: { count: anonymised } });
    expect(JSON.stringify(audit)).not.toContain("@example.org");
  });

  it("follows each programme's own retention period", async () => {
    const short = await programmeWithPastSessions([40], 30);
    const standard = await programmeWithPastSessions([40]);
    const due = await insertRegistration(short.sessionIds[0]!, short.privacyNoticeId, "CONFIRMED", "OTHER");
    const notDue = await insertRegistration(standard.sessionIds[0]!, standard.privacyNoticeId, "CONFIRMED", "OTHER");

    await anonymiseExpiredRegistrations();

    const rows = await db.registration.findMany({ where: { id: { in: [due.id, notDue.id] } }, select: { id: true, anonymisedAt: true } });
    const anonymised = new Map(rows.map((row) => [row.id, row.anonymisedAt !== null]));
    expect(anonymised.get(due.id)).toBe(true);
    expect(anonymised.get(notDue.id)).toBe(false);
  });

  it("anonymises each registration once, however often and by how many instances it runs", async () => {
    const { privacyNoticeId, sessionIds } = await programmeWithPastSessions([365]);
    for (let index = 0; index < 12; index += 1) await insertRegistration(sessionIds[0]!, privacyNoticeId, "CONFIRMED", "ADMINISTRATION");
    const startedAt = new Date();

    const counts = await Promise.all([anonymiseExpiredRegistrations(), anonymiseExpiredRegistrations(), anonymiseExpiredRegistrations()]);
    const again = await anonymiseExpiredRegistrations();

    const audit = await db.auditEvent.findMany({ where: { action: "privacy.retention.anonymise", createdAt: { gte: startedAt } }, select: { details: true } });
    const audited = audit.reduce((sum, event) => sum + Number((event.details as { count: number }).count), 0);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(audited);
    expect(audited).toBeGreaterThanOrEqual(12);
    expect(again).toBe(0);
    expect(await db.registration.count({ where: { sessionId: sessionIds[0]!, anonymisedAt: null } })).toBe(0);
  });
});
