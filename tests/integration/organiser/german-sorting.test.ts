import { describe, expect, it } from "vitest";
import { listUsers } from "@/lib/admin/queries";
import { listAttendees } from "@/lib/attendees/queries";
import { db } from "@/lib/db";
import { addRegistration, organiserWorld } from "../../helpers/organiser-world";

// Given in code-point order, which is how they sorted before: Brück, Dorn, Zoe, Älter, Çelik, Özdemir.
const lastNames = ["Brück", "Dorn", "Zoe", "Älter", "Çelik", "Özdemir"];
const germanOrder = ["Älter", "Brück", "Çelik", "Dorn", "Özdemir", "Zoe"];

describe("names sort the German way", () => {
  it("in the attendee list, sorted by name and by institution", async () => {
    const world = await organiserWorld();
    const session = await db.session.create({
      data: { workshopId: world.workshopA.id, startsAt: new Date(Date.now() + 864e6), endsAt: new Date(Date.now() + 864e6 + 7.2e6), capacity: 10 },
      select: { id: true },
    });
    for (const lastName of lastNames) {
      const { id } = await addRegistration(session.id, world.privacyNoticeId, { status: "CONFIRMED" });
      await db.registration.update({ where: { id }, data: { lastName, organisation: `${lastName} GmbH` } });
    }
    const byName = await listAttendees(world.actors.organiserA, session.id, { q: "", status: "CONFIRMED", sort: "name" });
    expect(byName.map((attendee) => attendee.lastName)).toEqual(germanOrder);
    const byOrganisation = await listAttendees(world.actors.organiserA, session.id, { q: "", sort: "organisation" });
    expect(byOrganisation.map((attendee) => attendee.organisation)).toEqual(germanOrder.map((name) => `${name} GmbH`));
    // The collation keeps searching as it was: a name is found by part of it, in any case.
    expect((await listAttendees(world.actors.organiserA, session.id, { q: "özd", sort: "name" })).map((attendee) => attendee.lastName)).toEqual(["Özdemir"]);
  });

  it("in the administrators' list of users", async () => {
    const world = await organiserWorld();
    const marker = `sort-${Date.now()}`;
    for (const name of lastNames) await db.user.create({ data: { email: `${marker}-${germanOrder.indexOf(name)}@example.org`, name, role: "ORGANISER" } });
    const users = await listUsers(world.actors.admin);
    expect(users.filter((user) => user.email.startsWith(marker)).map((user) => user.name)).toEqual(germanOrder);
  });
});
