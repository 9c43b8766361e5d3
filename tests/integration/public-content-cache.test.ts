import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { setWorkshopPublished } from "@/lib/workshops/set-workshop-published";
import { listPublishedWorkshops } from "@/lib/workshops/queries";
import { organiserWorld } from "../helpers/organiser-world";

describe("the public listing after an organiser's change", () => {
  afterEach(() => vi.useRealTimers());

  it("shows the change at once: the command clears the cache after its commit, not the audit writer", async () => {
    const world = await organiserWorld();
    const { programmeId } = await db.workshop.findUniqueOrThrow({ where: { id: world.workshopA.id }, select: { programmeId: true } });
    const listed = async () => (await listPublishedWorkshops(programmeId)).some((workshop) => workshop.id === world.workshopA.id);

    expect(await listed()).toBe(true);
    await setWorkshopPublished(world.actors.admin, world.workshopA.id, false);
    expect(await listed()).toBe(false);
    await setWorkshopPublished(world.actors.admin, world.workshopA.id, true);
    expect(await listed()).toBe(true);
  });

  it("lets seat counts wait out their second: a change outside the commands is not seen at once", async () => {
    const world = await organiserWorld();
    const { programmeId } = await db.workshop.findUniqueOrThrow({ where: { id: world.workshopA.id }, select: { programmeId: true } });
    const seatsOf = async () =>
      (await listPublishedWorkshops(programmeId)).flatMap((workshop) => workshop.sessions).find((session) => session.id === world.sessionA)!.availability;
    // The memo's clock only: the test must not depend on how fast a loaded machine answers.
    // (Starting later than any listing an earlier test left in the memo.)
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 5_000);
    const before = await seatsOf();
    await db.session.update({ where: { id: world.sessionA }, data: { capacity: { increment: 50 } } });
    vi.setSystemTime(Date.now() + 900);
    expect(await seatsOf()).toEqual(before);
    vi.setSystemTime(Date.now() + 200);
    expect(await seatsOf()).not.toEqual(before);
  });
});
