import { describe, expect, it } from "vitest";
import { addAttendee } from "@/lib/attendees/add-attendee";
import { markAttendance } from "@/lib/attendees/mark-attendance";
import { previewMessage, sendMessage } from "@/lib/attendees/message-attendees";
import { promoteAttendee } from "@/lib/attendees/promote-attendee";
import { listAttendees } from "@/lib/attendees/queries";
import { db } from "@/lib/db";
import { addRegistration, organiserWorld } from "../../helpers/organiser-world";

const person = { firstName: "Max", lastName: "Mustermann", email: " Max@Example.org ", organisation: "Landkreis", role: "ELECTED_OFFICIAL" };

describe("organisers manage attendees", () => {
  it("adds a person by hand only with the override when full, and then raises the capacity by one", async () => {
    const world = await organiserWorld();
    expect(await addAttendee(world.actors.organiserA, world.sessionA, person)).toEqual({ ok: false, code: "session-full", capacity: 1 });
    expect(await db.registration.count({ where: { sessionId: world.sessionA } })).toBe(2);

    const outcome = await addAttendee(world.actors.organiserA, world.sessionA, { ...person, override: "on", notify: "on" });
    expect(outcome).toMatchObject({ ok: true, capacityRaised: true });
    expect(await db.session.findUniqueOrThrow({ where: { id: world.sessionA }, select: { capacity: true, confirmedCount: true } })).toEqual({
      capacity: 2,
      confirmedCount: 2,
    });
    const added = await db.registration.findFirstOrThrow({
      where: { sessionId: world.sessionA, email: "max@example.org" },
      select: { id: true, status: true },
    });
    expect(added.status).toBe("CONFIRMED");
    expect(await db.outboxMessage.count({ where: { registrationId: added.id, kind: "registration-confirmed" } })).toBe(1);

    expect(await addAttendee(world.actors.organiserA, world.sessionA, { ...person, override: "on" })).toEqual({ ok: false, code: "already-registered" });
  });

  it("adds into a free seat without touching the capacity", async () => {
    const world = await organiserWorld();
    const outcome = await addAttendee(world.actors.admin, world.pastSessionA, person);
    expect(outcome).toMatchObject({ ok: true, capacityRaised: false });
    expect(await db.session.findUniqueOrThrow({ where: { id: world.pastSessionA }, select: { capacity: true, confirmedCount: true } })).toEqual({
      capacity: 5,
      confirmedCount: 2,
    });
  });

  it("moves someone up from the waiting list only into a free seat or with the override", async () => {
    const world = await organiserWorld();
    expect(await promoteAttendee(world.actors.organiserA, world.waitingA, { override: false })).toEqual({ ok: false, code: "session-full", capacity: 1 });
    expect(await promoteAttendee(world.actors.organiserA, world.waitingA, { override: true })).toEqual({ ok: true, capacityRaised: true });
    expect(await db.registration.findUniqueOrThrow({ where: { id: world.waitingA }, select: { status: true, waitlistPosition: true } })).toEqual({
      status: "CONFIRMED",
      waitlistPosition: null,
    });
    expect(await db.outboxMessage.count({ where: { registrationId: world.waitingA, kind: "waitlist-promoted" } })).toBe(1);
    expect(await promoteAttendee(world.actors.organiserA, world.waitingA, { override: true })).toEqual({ ok: false, code: "not-waitlisted" });
  });

  it("marks attendance only once the session has started, and only for its confirmed people", async () => {
    const world = await organiserWorld();
    expect(await markAttendance(world.actors.organiserA, world.sessionA, { [world.confirmedA]: true })).toEqual({ ok: false, code: "not-started" });
    const outcome = await markAttendance(world.actors.organiserA, world.pastSessionA, {
      [world.pastConfirmedA]: false,
      [world.confirmedA]: true,
      "not-an-id": true,
    });
    expect(outcome).toEqual({ ok: true, updated: 1 });
    expect(await db.registration.findUniqueOrThrow({ where: { id: world.pastConfirmedA }, select: { attended: true } })).toEqual({ attended: false });
    expect(await db.registration.findUniqueOrThrow({ where: { id: world.confirmedA }, select: { attended: true } })).toEqual({ attended: null });
  });

  it("searches, filters and sorts the attendee list", async () => {
    const world = await organiserWorld();
    await addRegistration(world.sessionA, world.privacyNoticeId, { status: "WAITLISTED", ticket: 2, email: "zora@beispiel-kreis.de" });
    expect((await listAttendees(world.actors.organiserA, world.sessionA, { q: "BEISPIEL-kreis", sort: "name" })).map((row) => row.email)).toEqual([
      "zora@beispiel-kreis.de",
    ]);
    const waiting = await listAttendees(world.actors.organiserA, world.sessionA, { q: "", status: "WAITLISTED", sort: "status" });
    expect(waiting.map((row) => [row.id === world.waitingA, row.waitlistRank])).toEqual([
      [true, 1],
      [false, 2],
    ]);
  });

  it("writes to exactly the chosen group, after a preview that sends nothing", async () => {
    const world = await organiserWorld();
    await markAttendance(world.actors.organiserA, world.pastSessionA, { [world.pastConfirmedA]: true });
    const absent = await addRegistration(world.pastSessionA, world.privacyNoticeId, { status: "CONFIRMED", attended: false });
    const outboxBefore = await db.outboxMessage.count();

    const message = { subject: "Unterlagen", body: "Guten Tag,\n\nanbei die Unterlagen." };
    const preview = await previewMessage(world.actors.organiserA, world.pastSessionA, { ...message, group: "ATTENDED" });
    expect(preview).toMatchObject({ ok: true, recipients: 1, subject: "Unterlagen" });
    expect(await db.outboxMessage.count()).toBe(outboxBefore);

    expect(await sendMessage(world.actors.organiserA, world.pastSessionA, { ...message, group: "ATTENDED" })).toEqual({ ok: true, recipients: 1 });
    const sent = await db.outboxMessage.findMany({
      where: { kind: "organiser-message", registration: { sessionId: world.pastSessionA } },
      select: { registrationId: true, subject: true },
    });
    expect(sent).toEqual([{ registrationId: world.pastConfirmedA, subject: "Unterlagen" }]);
    expect(sent.map((entry) => entry.registrationId)).not.toContain(absent.id);

    expect(await sendMessage(world.actors.organiserA, world.sessionA, { ...message, group: "WAITLISTED" })).toEqual({ ok: true, recipients: 1 });
    const toWaiting = await db.outboxMessage.findMany({
      where: { kind: "organiser-message", registration: { sessionId: world.sessionA } },
      select: { registrationId: true },
    });
    expect(toWaiting).toEqual([{ registrationId: world.waitingA }]);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "session.message", subjectId: world.pastSessionA } });
    expect(audit.details).toMatchObject({ group: "ATTENDED", recipients: 1 });
  });
});
