// Test data that each integration test creates for itself.
import { randomUUID } from "node:crypto";
import { db } from "../../lib/db";

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export async function createProgrammeWithSession(
  options: { capacity?: number; waitlistEnabled?: boolean; startsInDays?: number; doubleOptIn?: boolean; requiresApproval?: boolean } = {},
) {
  const startsAt = new Date(Date.now() + (options.startsInDays ?? 7) * 24 * 3600_000);
  const programme = await db.programme.create({
    data: {
      slug: uniqueSlug("programme"),
      name: "Testprogramm",
      description: "Ein Programm für Tests.",
      contactEmail: "kontakt@example.org",
      privacyNotices: { create: { version: 1, text: "Datenschutzhinweise" } },
    },
    select: { id: true, privacyNotices: { select: { id: true } } },
  });
  const workshop = await db.workshop.create({
    data: {
      programmeId: programme.id,
      slug: uniqueSlug("workshop"),
      title: "Testworkshop",
      summary: "Kurzbeschreibung",
      description: "Beschreibung",
      published: true,
      doubleOptIn: options.doubleOptIn ?? false,
      requiresApproval: options.requiresApproval ?? false,
      sessions: {
        create: [0, 7].map((offsetDays) => ({
          startsAt: new Date(startsAt.getTime() + offsetDays * 24 * 3600_000),
          endsAt: new Date(startsAt.getTime() + offsetDays * 24 * 3600_000 + 2 * 3600_000),
          capacity: options.capacity ?? 10,
          waitlistEnabled: options.waitlistEnabled ?? true,
          joinUrl: "https://video.example.org/raum",
        })),
      },
    },
    select: { id: true, sessions: { select: { id: true }, orderBy: { startsAt: "asc" } } },
  });
  return {
    programmeId: programme.id,
    privacyNoticeId: programme.privacyNotices[0]!.id,
    workshopId: workshop.id,
    sessionId: workshop.sessions[0]!.id,
    otherSessionId: workshop.sessions[1]!.id,
  };
}
