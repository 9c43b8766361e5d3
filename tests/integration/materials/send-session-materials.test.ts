import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AuthorizationError } from "@/lib/auth/authorisation";
import { db } from "@/lib/db";
import { sendSessionMaterials } from "@/lib/materials/send-session-materials";
import { addRegistration, organiserWorld } from "../../helpers/organiser-world";

async function materialsMails(sessionId: string) {
  return db.outboxMessage.findMany({
    where: { kind: "session-materials", registration: { sessionId } },
    select: { toAddress: true, subject: true, html: true, text: true },
  });
}

async function endedSessionWithMaterial() {
  const world = await organiserWorld();
  const title = `Instrument ${randomUUID().slice(0, 8)}`;
  const programme = await db.workshop.findUniqueOrThrow({ where: { id: world.workshopA.id }, select: { programmeId: true } });
  await db.instrument.create({
    data: {
      programmeId: programme.programmeId,
      title,
      slug: title.toLowerCase().replace(/\s+/g, "-"),
      workshops: { create: { workshopId: world.workshopA.id } },
      materials: { create: { title: "Leitfaden", url: "https://example.org/leitfaden.pdf" } },
    },
  });
  // The past session has one confirmed participant; add one who attended and one who did not.
  const attended = await addRegistration(world.pastSessionA, world.privacyNoticeId, { status: "CONFIRMED", attended: true });
  const absent = await addRegistration(world.pastSessionA, world.privacyNoticeId, { status: "CONFIRMED", attended: false });
  await db.session.update({ where: { id: world.pastSessionA }, data: { endsAt: new Date(Date.now() - 3600_000) } });
  return { world, attended, absent };
}

describe("sending the materials after a session", () => {
  it("mails every confirmed participant once, with the workshop's and its instruments' materials, formal German", async () => {
    const { world } = await endedSessionWithMaterial();
    expect(await sendSessionMaterials(world.actors.organiserA, world.pastSessionA, "confirmed")).toEqual({ ok: true, sent: 3, alreadySent: 0 });
    const mails = await materialsMails(world.pastSessionA);
    expect(mails).toHaveLength(3);
    expect(mails[0]!.subject).toBe("Materialien zum Workshop „Workshop A“");
    expect(mails[0]!.text).toContain("vielen Dank für Ihre Teilnahme");
    expect(mails[0]!.text).toContain("https://example.org/folien.pdf");
    expect(mails[0]!.text).toContain("https://example.org/leitfaden.pdf");
    expect(mails[0]!.html).toContain('href="https://example.org/leitfaden.pdf"');
    expect(mails[0]!.text).not.toContain("video.example.org");
  });

  it("sends only to those marked as attended when the organiser chooses so", async () => {
    const { world, attended } = await endedSessionWithMaterial();
    expect(await sendSessionMaterials(world.actors.organiserA, world.pastSessionA, "attended")).toEqual({ ok: true, sent: 1, alreadySent: 0 });
    expect((await materialsMails(world.pastSessionA)).map((mail) => mail.toAddress)).toEqual([attended.email]);
    // Later to everyone confirmed: the person who already has the mail does not get it again.
    expect(await sendSessionMaterials(world.actors.organiserA, world.pastSessionA, "confirmed")).toEqual({ ok: true, sent: 2, alreadySent: 1 });
    expect(await materialsMails(world.pastSessionA)).toHaveLength(3);
  });

  it("sends exactly one mail per person when the button is pressed twice at the same moment", async () => {
    const { world } = await endedSessionWithMaterial();
    const results = await Promise.all([
      sendSessionMaterials(world.actors.organiserA, world.pastSessionA, "confirmed"),
      sendSessionMaterials(world.actors.admin, world.pastSessionA, "confirmed"),
    ]);
    const sent = results.map((result) => (result.ok ? result.sent : -1));
    expect(sent.reduce((sum, count) => sum + count, 0)).toBe(3);
    const mails = await materialsMails(world.pastSessionA);
    expect(mails).toHaveLength(3);
    expect(new Set(mails.map((mail) => mail.toAddress)).size).toBe(3);
    expect(await sendSessionMaterials(world.actors.organiserA, world.pastSessionA, "confirmed")).toEqual({ ok: true, sent: 0, alreadySent: 3 });
  });

  it("waits until the session has ended and needs materials; only the session's organisers may send", async () => {
    const { world } = await endedSessionWithMaterial();
    expect(await sendSessionMaterials(world.actors.organiserA, world.sessionA, "confirmed")).toEqual({ ok: false, code: "session-not-ended" });
    await expect(sendSessionMaterials(world.actors.organiserB, world.pastSessionA, "confirmed")).rejects.toBeInstanceOf(AuthorizationError);
    await expect(sendSessionMaterials(null, world.pastSessionA, "confirmed")).rejects.toBeInstanceOf(AuthorizationError);
    await db.material.deleteMany({
      where: { OR: [{ workshopId: world.workshopA.id }, { instrument: { workshops: { some: { workshopId: world.workshopA.id } } } }] },
    });
    expect(await sendSessionMaterials(world.actors.organiserA, world.pastSessionA, "confirmed")).toEqual({ ok: false, code: "no-materials" });
    expect(await materialsMails(world.pastSessionA)).toHaveLength(0);
  });
});
