import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelRegistration } from "@/lib/registrations/cancel-registration";
import { createProgrammeWithSession } from "../helpers/factories";
import { registerForTest, uniqueEmail } from "../helpers/registrations";

// The seat rules of lib/registrations/seats.ts at their edges, where the
// broader capacity tests do not look.

describe("seats of a session that is no longer scheduled", () => {
  it("are not given to the waiting list when someone cancels: nobody is moved up into a cancelled session", async () => {
    const { sessionId } = await createProgrammeWithSession({ capacity: 1 });
    const seated = await registerForTest(sessionId, { email: uniqueEmail("seated") });
    const waiting = await registerForTest(sessionId, { email: uniqueEmail("waiting") });
    expect([seated.status, waiting.status]).toEqual(["CONFIRMED", "WAITLISTED"]);
    // The session was called off; its registrations are still being worked through.
    await db.session.update({ where: { id: sessionId }, data: { status: "CANCELLED" } });

    const cancelled = await db.$transaction((tx) => cancelRegistration(tx, seated.registrationId));

    expect(cancelled).toMatchObject({ ok: true, promoted: [] });
    expect(await db.registration.findUniqueOrThrow({ where: { id: waiting.registrationId }, select: { status: true } })).toEqual({ status: "WAITLISTED" });
    expect(await db.session.findUniqueOrThrow({ where: { id: sessionId }, select: { confirmedCount: true } })).toEqual({ confirmedCount: 0 });
    expect(await db.outboxMessage.count({ where: { registrationId: waiting.registrationId, kind: "waitlist-promoted" } })).toBe(0);
  });
});
