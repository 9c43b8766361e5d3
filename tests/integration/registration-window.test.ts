import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registrationWindowOpenSql } from "@/lib/registrations/seats";
import { registrationWindowIsOpen } from "@/lib/sessions/availability";
import { createProgrammeWithSession } from "../helpers/factories";

// The registration window is one rule written twice: in SQL for the
// registration statement (which decides) and in TypeScript for the pages
// (which show it). This pins the two together on the real database clock.
describe("the registration window", () => {
  const hour = 3600_000;
  const cases = [
    { name: "no limits, session ahead", opensIn: null, closesIn: null, startsIn: 48 },
    { name: "opens later", opensIn: 2, closesIn: null, startsIn: 48 },
    { name: "opened already", opensIn: -2, closesIn: null, startsIn: 48 },
    { name: "closed already", opensIn: null, closesIn: -1, startsIn: 48 },
    { name: "closes later", opensIn: -2, closesIn: 5, startsIn: 48 },
    { name: "session has begun", opensIn: null, closesIn: null, startsIn: -1 },
    { name: "closes after the start, which has passed", opensIn: null, closesIn: 5, startsIn: -1 },
  ];

  it.each(cases)("is open in SQL exactly when the pages say so: $name", async ({ opensIn, closesIn, startsIn }) => {
    const { sessionId } = await createProgrammeWithSession();
    const { now } = (await db.$queryRaw<{ now: Date }[]>`SELECT now() AS "now"`)[0]!;
    const at = (hours: number | null) => (hours === null ? null : new Date(now.getTime() + hours * hour));
    const session = await db.session.update({
      where: { id: sessionId },
      data: { registrationOpensAt: at(opensIn), registrationClosesAt: at(closesIn), startsAt: at(startsIn)!, endsAt: at(startsIn + 2)! },
      select: {
        status: true,
        registrationOpensAt: true,
        registrationClosesAt: true,
        startsAt: true,
        capacity: true,
        confirmedCount: true,
        waitlistEnabled: true,
      },
    });
    const { open } = (
      await db.$queryRawUnsafe<{ open: boolean }[]>(
        `SELECT ("status" = 'SCHEDULED' AND ${registrationWindowOpenSql}) AS "open" FROM "sessions" WHERE "id" = $1::uuid`,
        sessionId,
      )
    )[0]!;
    expect(open).toBe(registrationWindowIsOpen(session, new Date()));
  });
});
