import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelSession } from "@/lib/sessions/cancel-session";
import { createSession } from "@/lib/sessions/create-session";
import { sessionFormValues } from "@/lib/sessions/schema";
import { updateSession } from "@/lib/sessions/update-session";
import { addRegistration, organiserWorld } from "../../helpers/organiser-world";
import { queuedEmails } from "../../helpers/outbox";

async function outboxFor(registrationId: string, kind: string) {
  return queuedEmails({ registrationId, kind });
}

function calendar(ics: string) {
  const component = new ICAL.Component(ICAL.parse(ics));
  const event = component.getFirstSubcomponent("vevent")!;
  return {
    method: component.getFirstPropertyValue("method"),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    start: (event.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate(),
    status: event.getFirstPropertyValue("status"),
  };
}

async function currentValues(sessionId: string) {
  const session = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
  return sessionFormValues(session);
}

describe("organisers change sessions", () => {
  it("creates a session from Berlin wall-clock time", async () => {
    const world = await organiserWorld();
    const outcome = await createSession(world.actors.organiserA, world.workshopA.id, {
      date: "14.05.2031",
      startTime: "14:00",
      endTime: "16:30",
      capacity: "25",
      format: "ON_SITE",
      location: "Rathaus, Saal 2",
      reminderHours: "24",
    });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const session = await db.session.findUniqueOrThrow({ where: { id: outcome.sessionId } });
    expect(session.startsAt.toISOString()).toBe("2031-05-14T12:00:00.000Z");
    expect(session.endsAt.toISOString()).toBe("2031-05-14T14:30:00.000Z");
    expect(session).toMatchObject({ capacity: 25, waitlistEnabled: false, format: "ON_SITE", location: "Rathaus, Saal 2", timeZone: "Europe/Berlin" });
  });

  it("promotes waiting people at once when the capacity is raised", async () => {
    const world = await organiserWorld();
    const second = await addRegistration(world.sessionA, world.privacyNoticeId, { status: "WAITLISTED", ticket: 2 });
    const values = { ...(await currentValues(world.sessionA)), capacity: "3" };
    const outcome = await updateSession(world.actors.organiserA, world.sessionA, values, { confirmed: false });
    expect(outcome).toMatchObject({ ok: true, promoted: 2, notified: 0 });
    const session = await db.session.findUniqueOrThrow({ where: { id: world.sessionA } });
    expect(session).toMatchObject({ capacity: 3, confirmedCount: 3, sequence: 0 });
    for (const id of [world.waitingA, second.id]) {
      expect(await db.registration.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "CONFIRMED" });
      expect(await outboxFor(id, "waitlist-promoted")).toHaveLength(1);
    }
  });

  it("refuses to lower the capacity below the seats taken, and changes nothing", async () => {
    const world = await organiserWorld();
    await db.session.update({ where: { id: world.sessionA }, data: { capacity: 3 } });
    await addRegistration(world.sessionA, world.privacyNoticeId, { status: "CONFIRMED" });
    const values = { ...(await currentValues(world.sessionA)), capacity: "1" };
    const outcome = await updateSession(world.actors.admin, world.sessionA, values, { confirmed: true });
    expect(outcome).toEqual({ ok: false, code: "capacity-below-taken", taken: 2 });
    expect(await db.session.findUniqueOrThrow({ where: { id: world.sessionA }, select: { capacity: true } })).toEqual({ capacity: 3 });
  });

  it("asks for confirmation before a time change, then raises the sequence and sends the update", async () => {
    const world = await organiserWorld();
    const before = await db.session.findUniqueOrThrow({ where: { id: world.sessionA } });
    const current = await currentValues(world.sessionA);
    // Any other time of the same day (the fixture's own time depends on when the test runs).
    const [startTime, endTime] = current.startTime === "09:00" ? ["10:00", "12:00"] : ["09:00", "11:00"];
    const values = { ...current, startTime, endTime };

    const asked = await updateSession(world.actors.organiserA, world.sessionA, values, { confirmed: false });
    expect(asked).toEqual({ ok: false, code: "needs-confirmation", recipients: 2 });
    expect(await db.session.findUniqueOrThrow({ where: { id: world.sessionA }, select: { startsAt: true, sequence: true } })).toEqual({
      startsAt: before.startsAt,
      sequence: 0,
    });

    const saved = await updateSession(world.actors.organiserA, world.sessionA, values, { confirmed: true });
    expect(saved).toMatchObject({ ok: true, notified: 2, sequence: 1 });
    const after = await db.session.findUniqueOrThrow({ where: { id: world.sessionA } });
    expect(sessionFormValues(after).startTime).toBe(startTime);

    const [confirmedMail] = await outboxFor(world.confirmedA, "session-changed");
    expect(confirmedMail!.text).toContain("https://video.example.org/raum");
    expect(confirmedMail!.attachments).toHaveLength(1);
    const invitation = calendar(confirmedMail!.attachments[0]!.content);
    expect(invitation).toMatchObject({ method: "REQUEST", sequence: 1 });
    expect(invitation.start.getTime()).toBe(after.startsAt.getTime());

    const [waitingMail] = await outboxFor(world.waitingA, "session-changed");
    expect(waitingMail!.attachments).toEqual([]);
    expect(waitingMail!.text).not.toContain("https://video.example.org/raum");

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "session.update", subjectId: world.sessionA } });
    expect(audit).toMatchObject({ actorId: world.actors.organiserA.id, actorEmail: world.actors.organiserA.email });
  });

  it("saves a time change at once when nobody needs to be told", async () => {
    const world = await organiserWorld();
    const current = await currentValues(world.sessionB);
    const values = { ...current, ...(current.startTime === "08:00" ? { startTime: "07:00", endTime: "08:00" } : { startTime: "08:00", endTime: "09:00" }) };
    expect(await updateSession(world.actors.organiserB, world.sessionB, values, { confirmed: false })).toEqual({
      ok: true,
      promoted: 0,
      notified: 0,
      sequence: 1,
    });
  });

  it("tells only confirmed people about a new join link", async () => {
    const world = await organiserWorld();
    const values = { ...(await currentValues(world.sessionA)), joinUrl: "https://video.example.org/neuer-raum" };
    expect(await updateSession(world.actors.admin, world.sessionA, values, { confirmed: false })).toEqual({
      ok: false,
      code: "needs-confirmation",
      recipients: 1,
    });
    expect(await updateSession(world.actors.admin, world.sessionA, values, { confirmed: true })).toMatchObject({ ok: true, notified: 1, sequence: 1 });
    expect(await outboxFor(world.waitingA, "session-changed")).toEqual([]);
    const [mail] = await outboxFor(world.confirmedA, "session-changed");
    expect(mail!.text).toContain("https://video.example.org/neuer-raum");
  });

  it("cancels a session: METHOD:CANCEL with a raised sequence for seats, the notice alone for the waiting list", async () => {
    const world = await organiserWorld();
    const outcome = await cancelSession(world.actors.organiserA, world.sessionA, { message: "Die Referentin ist erkrankt." });
    expect(outcome).toEqual({ ok: true, notified: 2, cancelledRegistrations: 2 });

    const session = await db.session.findUniqueOrThrow({ where: { id: world.sessionA } });
    expect(session).toMatchObject({ status: "CANCELLED", sequence: 1, confirmedCount: 0 });
    const registrations = await db.registration.findMany({ where: { sessionId: world.sessionA }, select: { status: true, waitlistPosition: true } });
    expect(registrations).toEqual([
      { status: "CANCELLED", waitlistPosition: null },
      { status: "CANCELLED", waitlistPosition: null },
    ]);

    const [seatMail] = await outboxFor(world.confirmedA, "session-cancelled");
    expect(seatMail!.text).toContain("Die Referentin ist erkrankt.");
    const cancellation = calendar(seatMail!.attachments[0]!.content);
    expect(cancellation).toMatchObject({ method: "CANCEL", sequence: 1, status: "CANCELLED" });
    const [waitingMail] = await outboxFor(world.waitingA, "session-cancelled");
    expect(waitingMail!.attachments).toEqual([]);

    expect(await cancelSession(world.actors.organiserA, world.sessionA, {})).toEqual({ ok: false, code: "session-cancelled" });
  });
});
