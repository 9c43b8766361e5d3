import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decideAttendee } from "@/lib/attendees/decide-attendee";
import { AuthorizationError } from "@/lib/auth/authorisation";
import { db } from "@/lib/db";
import { registerParticipant } from "@/lib/registrations/register-participant";
import { updateWorkshop } from "@/lib/workshops/update-workshop";
import { organiserWorld } from "../../helpers/organiser-world";

async function workshopTexts(workshopId: string) {
  const workshop = await db.workshop.findUniqueOrThrow({ where: { id: workshopId }, select: { title: true, slug: true, summary: true, description: true } });
  return { ...workshop, guidingQuestions: "", instruments: "" };
}

describe("approval in a workshop's registration procedure", () => {
  it("is switched on by the workshop's organiser; registrations then wait and are decided only by organisers of that workshop", async () => {
    const world = await organiserWorld();
    const texts = await workshopTexts(world.workshopA.id);
    expect(await updateWorkshop(world.actors.organiserA, world.workshopA.id, { ...texts, requiresApproval: "on", holdHours: "24" })).toEqual({ ok: true });
    expect(
      await db.workshop.findUniqueOrThrow({ where: { id: world.workshopA.id }, select: { requiresApproval: true, doubleOptIn: true, holdHours: true } }),
    ).toEqual({
      requiresApproval: true,
      doubleOptIn: false,
      holdHours: 24,
    });
    await db.session.update({ where: { id: world.sessionA }, data: { capacity: 5 } });

    const registered = await registerParticipant(
      {
        sessionId: world.sessionA,
        firstName: "Pia",
        lastName: "Prüfung",
        email: `pia.${randomUUID().slice(0, 6)}@example.org`,
        organisation: "Amt",
        role: "ADMINISTRATION",
        consent: true,
        privacyNoticeVersion: "1",
      },
      { ip: null },
    );
    if (!registered.ok) throw new Error(registered.code);
    expect(registered.status).toBe("PENDING");

    await expect(decideAttendee(world.actors.organiserB, registered.registrationId, { approve: true })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(decideAttendee(world.actors.anonymous, registered.registrationId, { approve: true })).rejects.toBeInstanceOf(AuthorizationError);
    expect(await db.registration.findUniqueOrThrow({ where: { id: registered.registrationId }, select: { status: true } })).toEqual({ status: "PENDING" });

    expect(await decideAttendee(world.actors.organiserA, registered.registrationId, { approve: true })).toEqual({ ok: true });
    expect(await db.registration.findUniqueOrThrow({ where: { id: registered.registrationId }, select: { status: true } })).toEqual({ status: "CONFIRMED" });
    expect(await db.auditEvent.count({ where: { action: "attendee.approve", subjectId: registered.registrationId } })).toBe(1);
    expect(await decideAttendee(world.actors.admin, registered.registrationId, { approve: false, message: "zu spät" })).toEqual({
      ok: false,
      code: "not-awaiting-approval",
    });
  });
});
