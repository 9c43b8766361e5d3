// Who may do what in the organiser area: every data-layer read and every
// command, called with each actor. Allowed cells must work; denied cells must
// throw AuthorizationError and leave the database exactly as it was.
import { describe, expect, it } from "vitest";
import { addAttendee } from "@/lib/attendees/add-attendee";
import { cancelAttendee } from "@/lib/attendees/cancel-attendee";
import { markAttendance } from "@/lib/attendees/mark-attendance";
import { previewMessage, sendMessage } from "@/lib/attendees/message-attendees";
import { promoteAttendee } from "@/lib/attendees/promote-attendee";
import { listAttendees } from "@/lib/attendees/queries";
import { AuthorizationError, type Actor } from "@/lib/auth/authorisation";
import { downloadSessionCertificates } from "@/lib/certificates/download-session-certificates";
import { db } from "@/lib/db";
import { cancelSession } from "@/lib/sessions/cancel-session";
import { createSession } from "@/lib/sessions/create-session";
import { getSessionForOrganiser, listUpcomingSessions } from "@/lib/sessions/organiser-queries";
import { updateSession } from "@/lib/sessions/update-session";
import { addMaterial } from "@/lib/materials/add-material";
import { createWorkshop } from "@/lib/workshops/create-workshop";
import { moveQuestion } from "@/lib/workshops/move-question";
import { getWorkshopForEditing, listManagedWorkshops } from "@/lib/workshops/organiser-queries";
import { removeMaterial } from "@/lib/materials/remove-material";
import { removeQuestion } from "@/lib/workshops/remove-question";
import { saveQuestion } from "@/lib/workshops/save-question";
import { setWorkshopPublished } from "@/lib/workshops/set-workshop-published";
import { updateWorkshop } from "@/lib/workshops/update-workshop";
import { uniqueSlug } from "../../helpers/factories";
import { actorNames, organiserWorld, snapshot, type ActorName, type OrganiserWorld } from "../../helpers/organiser-world";

type Operation = {
  name: string;
  kind: "read" | "command";
  /** Who may; everyone else is refused. */
  allowed: ActorName[];
  run: (actor: Actor | null, world: OrganiserWorld) => Promise<unknown>;
  /** What an allowed call must give back. */
  check: (result: unknown, world: OrganiserWorld, actor: ActorName) => void;
  /** Brings the world into the state the operation needs, before anything is compared. */
  prepare?: (world: OrganiserWorld) => Promise<unknown>;
};

const signedIn: ActorName[] = ["organiserA", "organiserB", "admin"];
const managersOfA: ActorName[] = ["organiserA", "admin"];
const ok = (result: unknown) => expect(result).toMatchObject({ ok: true });
// Decision 0015: what appears on the public page, links included, is an administrator's call.
const administrators: ActorName[] = ["admin"];
const asDraft = (world: OrganiserWorld) => db.workshop.update({ where: { id: world.workshopA.id }, data: { published: false } });

const sessionValues = {
  date: "2031-05-14",
  startTime: "14:00",
  endTime: "16:00",
  capacity: "20",
  waitlistEnabled: "on",
  format: "ONLINE",
  joinUrl: "https://video.example.org/raum",
  reminderHours: "24",
};
const workshopValues = () => ({ title: "Neuer Workshop", slug: uniqueSlug("neu"), summary: "Kurz", description: "Lang", guidingQuestions: "Frage 1\nFrage 2" });

/** Sessions and workshops of A are visible to A's organiser and admins only; B's organiser sees only B's. */
function scopedList(ids: (world: OrganiserWorld) => { a: string; b: string }) {
  return (result: unknown, world: OrganiserWorld, actor: ActorName) => {
    const listed = (result as { id: string }[]).map((entry) => entry.id);
    const { a, b } = ids(world);
    expect(listed.includes(a)).toBe(actor !== "organiserB");
    expect(listed.includes(b)).toBe(actor !== "organiserA");
  };
}

const operations: Operation[] = [
  {
    name: "listUpcomingSessions",
    kind: "read",
    allowed: signedIn,
    run: (actor) => listUpcomingSessions(actor),
    check: scopedList((world) => ({ a: world.sessionA, b: world.sessionB })),
  },
  {
    name: "listManagedWorkshops",
    kind: "read",
    allowed: signedIn,
    run: (actor) => listManagedWorkshops(actor),
    check: scopedList((world) => ({ a: world.workshopA.id, b: world.workshopB.id })),
  },
  {
    name: "getSessionForOrganiser",
    kind: "read",
    allowed: managersOfA,
    run: (actor, world) => getSessionForOrganiser(actor, world.sessionA),
    check: (result, world) => expect(result).toMatchObject({ id: world.sessionA, confirmedCount: 1, waitlistCount: 1 }),
  },
  {
    name: "listAttendees",
    kind: "read",
    allowed: managersOfA,
    run: (actor, world) => listAttendees(actor, world.sessionA, { q: "", sort: "name" }),
    check: (result) => expect(result).toHaveLength(2),
  },
  {
    name: "getWorkshopForEditing",
    kind: "read",
    allowed: managersOfA,
    run: (actor, world) => getWorkshopForEditing(actor, world.workshopA.id),
    check: (result, world) => expect(result).toMatchObject({ id: world.workshopA.id, questions: [{}, {}] }),
  },
  {
    name: "previewMessage",
    kind: "read",
    allowed: managersOfA,
    run: (actor, world) => previewMessage(actor, world.sessionA, { group: "CONFIRMED", subject: "Hinweis", body: "Text" }),
    check: (result) => expect(result).toMatchObject({ ok: true, recipients: 1 }),
  },

  { name: "createWorkshop", kind: "command", allowed: signedIn, run: (actor) => createWorkshop(actor, workshopValues()), check: ok },
  {
    name: "updateWorkshop",
    kind: "command",
    allowed: managersOfA,
    run: (actor, world) => updateWorkshop(actor, world.workshopA.id, workshopValues()),
    check: ok,
  },
  {
    name: "setWorkshopPublished (unpublish)",
    kind: "command",
    allowed: managersOfA,
    run: (actor, world) => setWorkshopPublished(actor, world.workshopA.id, false),
    check: ok,
  },
  {
    name: "setWorkshopPublished (publish)",
    kind: "command",
    allowed: administrators,
    prepare: asDraft,
    run: (actor, world) => setWorkshopPublished(actor, world.workshopA.id, true),
    check: ok,
  },
  {
    name: "saveQuestion (add)",
    kind: "command",
    allowed: managersOfA,
    run: (actor, world) =>
      saveQuestion(
        actor,
        { workshopId: world.workshopA.id },
        { type: "SINGLE_CHOICE", labelDe: "Ebene", labelEn: "Level", options: "Land | State\nKommune | Municipality" },
      ),
    check: ok,
  },
  {
    name: "saveQuestion (edit)",
    kind: "command",
    allowed: managersOfA,
    run: (actor, world) =>
      saveQuestion(
        actor,
        { questionId: world.workshopA.questionIds[0]! },
        { type: "LONG_TEXT", labelDe: "Erwartungen", labelEn: "Expectations", required: "on" },
      ),
    check: ok,
  },
  { name: "removeQuestion", kind: "command", allowed: managersOfA, run: (actor, world) => removeQuestion(actor, world.workshopA.questionIds[0]!), check: ok },
  {
    name: "moveQuestion",
    kind: "command",
    allowed: managersOfA,
    run: (actor, world) => moveQuestion(actor, world.workshopA.questionIds[1]!, "up"),
    check: (result) => expect(result).toEqual({ ok: true, moved: true }),
  },
  {
    name: "addMaterial (public workshop)",
    kind: "command",
    allowed: administrators,
    run: (actor, world) => addMaterial(actor, { workshopId: world.workshopA.id }, { title: "Handout", url: "https://example.org/handout.pdf" }),
    check: ok,
  },
  {
    name: "addMaterial (draft)",
    kind: "command",
    allowed: managersOfA,
    prepare: asDraft,
    run: (actor, world) => addMaterial(actor, { workshopId: world.workshopA.id }, { title: "Handout", url: "https://example.org/handout.pdf" }),
    check: ok,
  },
  { name: "removeMaterial", kind: "command", allowed: managersOfA, run: (actor, world) => removeMaterial(actor, world.workshopA.materialId), check: ok },
  { name: "createSession", kind: "command", allowed: managersOfA, run: (actor, world) => createSession(actor, world.workshopA.id, sessionValues), check: ok },
  {
    name: "updateSession",
    kind: "command",
    allowed: managersOfA,
    run: (actor, world) => updateSession(actor, world.sessionA, sessionValues, { confirmed: true }),
    check: ok,
  },
  {
    name: "cancelSession",
    kind: "command",
    allowed: managersOfA,
    run: (actor, world) => cancelSession(actor, world.sessionA, { message: "Leider krank." }),
    check: ok,
  },
  {
    name: "addAttendee",
    kind: "command",
    allowed: managersOfA,
    run: (actor, world) =>
      addAttendee(actor, world.sessionA, {
        firstName: "Max",
        lastName: "Muster",
        email: "max@example.org",
        organisation: "Kreis",
        role: "OTHER",
        override: "on",
      }),
    check: ok,
  },
  {
    name: "cancelAttendee",
    kind: "command",
    allowed: managersOfA,
    run: (actor, world) => cancelAttendee(actor, world.confirmedA),
    check: (result) => expect(result).toEqual({ ok: true, promoted: 1 }),
  },
  {
    name: "promoteAttendee",
    kind: "command",
    allowed: managersOfA,
    run: (actor, world) => promoteAttendee(actor, world.waitingA, { override: true }),
    check: (result) => expect(result).toEqual({ ok: true, capacityRaised: true }),
  },
  {
    name: "markAttendance",
    kind: "command",
    allowed: managersOfA,
    run: (actor, world) => markAttendance(actor, world.pastSessionA, { [world.pastConfirmedA]: true }),
    check: (result) => expect(result).toEqual({ ok: true, updated: 1 }),
  },
  {
    // A denied download issues no verification code and writes no audit event (the snapshot compares registrations and audit counts).
    name: "downloadSessionCertificates",
    kind: "command",
    allowed: managersOfA,
    prepare: async (world) => {
      await db.session.update({ where: { id: world.pastSessionA }, data: { endsAt: new Date(Date.now() - 3600_000) } });
      await db.registration.update({ where: { id: world.pastConfirmedA }, data: { attended: true } });
    },
    run: (actor, world) => downloadSessionCertificates(actor, world.pastSessionA, null, { locale: "de" }),
    check: (result) => expect(result).toMatchObject({ ok: true, count: 1 }),
  },
  {
    name: "sendMessage",
    kind: "command",
    allowed: managersOfA,
    run: (actor, world) => sendMessage(actor, world.sessionA, { group: "WAITLISTED", subject: "Hinweis", body: "Text" }),
    check: (result) => expect(result).toEqual({ ok: true, recipients: 1 }),
  },
];

describe("organiser authorisation matrix", () => {
  for (const operation of operations) {
    describe(`${operation.kind} ${operation.name}`, () => {
      for (const actorName of actorNames) {
        const allowed = operation.allowed.includes(actorName);
        it(`${allowed ? "allows" : "refuses"} ${actorName}`, async () => {
          const world = await organiserWorld();
          await operation.prepare?.(world);
          const actor = world.actors[actorName];
          if (allowed) {
            operation.check(await operation.run(actor, world), world, actorName);
          } else {
            const before = await snapshot(world);
            await expect(operation.run(actor, world)).rejects.toBeInstanceOf(AuthorizationError);
            expect(await snapshot(world)).toBe(before);
          }
        });
      }
    });
  }

  it("covers every cell", () => {
    expect(operations.length * actorNames.length).toBe(104);
  });

  it("a workshop an organiser creates is a draft until an administrator publishes it", async () => {
    const world = await organiserWorld();
    const created = await createWorkshop(world.actors.organiserA, { ...workshopValues(), published: "on" });
    if (!created.ok) throw new Error(created.code);
    expect(await db.workshop.findUniqueOrThrow({ where: { id: created.workshopId }, select: { published: true } })).toEqual({ published: false });
    await expect(setWorkshopPublished(world.actors.organiserA, created.workshopId, true)).rejects.toBeInstanceOf(AuthorizationError);
    expect(await getWorkshopForEditing(world.actors.organiserA, created.workshopId)).toMatchObject({
      published: false,
      actorMayPublish: false,
      actorMayAddMaterial: true,
    });
    await setWorkshopPublished(world.actors.admin, created.workshopId, true);
    expect(await getWorkshopForEditing(world.actors.organiserA, created.workshopId)).toMatchObject({
      published: true,
      actorMayPublish: false,
      actorMayAddMaterial: false,
    });
    expect(await getWorkshopForEditing(world.actors.admin, created.workshopId)).toMatchObject({ actorMayPublish: true, actorMayAddMaterial: true });
    // Taking it down stays with the organiser.
    await expect(setWorkshopPublished(world.actors.organiserA, created.workshopId, false)).resolves.toEqual({ ok: true });
  });
});
