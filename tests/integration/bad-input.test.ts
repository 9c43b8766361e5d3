// Input PostgreSQL cannot take (NUL, lone surrogates, ids its uuid type
// refuses) is answered as "invalid" or "not found" before it reaches the
// database, and writes nothing. Each of these was a 500 before.
import { describe, expect, it } from "vitest";
import { GET as sessionInfo } from "@/app/api/v1/sessions/[id]/route";
import { POST as registerByApi } from "@/app/api/v1/sessions/[id]/registrations/route";
import { listAttendees } from "@/lib/attendees/queries";
import { attendeeFilterSchema } from "@/lib/attendees/schema";
import { addAttendee } from "@/lib/attendees/add-attendee";
import { sendMessage } from "@/lib/attendees/message-attendees";
import { listAuditEvents } from "@/lib/audit/queries";
import { auditFilterSchema } from "@/lib/admin/schema";
import { db } from "@/lib/db";
import { getMailboxMessage } from "@/lib/email/mailbox";
import { getMaterialFileForDownload } from "@/lib/materials/queries";
import { getRegistrationTarget } from "@/lib/registrations/queries";
import { registerParticipant } from "@/lib/registrations/register-participant";
import { getPublicSessionInfo } from "@/lib/sessions/public-session";
import { getPublishedWorkshop } from "@/lib/workshops/queries";
import { updateWorkshop } from "@/lib/workshops/update-workshop";
import { createProgrammeWithSession, uniqueSlug } from "../helpers/factories";
import { addRegistration, organiserWorld } from "../helpers/organiser-world";

const notUuids = ["-".repeat(36), "0".repeat(36), "F".repeat(36), "0ad9b0f6-592e-4204-9309-f25b25cce06g", "\u0000".repeat(36), "\ud800".repeat(36)];
const unstorable = ["\u0000", "\ud800", "\udc00"];

const person = (email: string) => ({
  firstName: "Jonas",
  lastName: "Test",
  email,
  organisation: "Stadt Beispiel",
  role: "CIVIL_SOCIETY",
  consent: true,
  privacyNoticeVersion: 1,
});

function apiPost(sessionId: string, body: unknown, locale = "de") {
  const request = new Request("http://localhost/api/v1/sessions/x/registrations", {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": locale },
    body: JSON.stringify(body),
  });
  return registerByApi(request, { params: Promise.resolve({ id: sessionId }) });
}

describe("ids that PostgreSQL's uuid type refuses", () => {
  it("are not found, in every public read and in the API with its error shape", async () => {
    for (const id of notUuids) {
      expect(await getPublicSessionInfo(id)).toBeNull();
      expect(await getRegistrationTarget(id)).toBeNull();
      expect(await getMaterialFileForDownload(async () => null, id)).toBeNull();
      expect(await getMailboxMessage(id)).toBeNull();

      const info = await sessionInfo(new Request(`http://localhost/api/v1/sessions/x`), { params: Promise.resolve({ id }) });
      expect(info.status).toBe(404);
      expect((await info.json()).error).toMatchObject({ code: "not-found", message: expect.any(String), retryable: false });

      const registration = await apiPost(id, person("kein.termin@example.org"));
      expect(registration.status).toBe(404);
      expect((await registration.json()).error).toMatchObject({ code: "session-not-found", message: expect.any(String) });
    }
  });

  it("a workshop address that cannot be a slug (NUL, a lone surrogate) is not found", async () => {
    const { programmeId } = await createProgrammeWithSession();
    for (const slug of ["\u0000", "ws\u0000", "\ud800", "%", "../x", "A".repeat(81)]) expect(await getPublishedWorkshop(programmeId, slug)).toBeNull();
  });

  it("in the audit log's page cursor are ignored", async () => {
    const world = await organiserWorld();
    for (const id of notUuids) {
      const filter = auditFilterSchema.parse({ before: `2026-11-27T10:00:00.000Z_${id}` });
      await expect(listAuditEvents(world.actors.admin, filter)).resolves.toMatchObject({ entries: expect.any(Array) });
    }
  });
});

describe("text PostgreSQL cannot store", () => {
  it("in a registration by API is a field error in the caller's language, and nothing is written", async () => {
    const { sessionId } = await createProgrammeWithSession();
    const before = await db.outboxMessage.count();
    for (const [index, value] of unstorable.entries()) {
      for (const field of ["firstName", "lastName", "organisation", "accessibilityNeeds"]) {
        const response = await apiPost(sessionId, { ...person(`nul${index}.${field}@example.org`), [field]: `Mei${value}er` }, "en");
        expect(response.status).toBe(422);
        const body = await response.json();
        expect(body.error.code).toBe("invalid");
        expect(body.error.fields[field]).toEqual({ code: "invalidCharacters", message: expect.stringContaining("cannot be stored") });
      }
    }
    const german = await apiPost(sessionId, { ...person("nul.de@example.org"), firstName: "\u0000" }, "de");
    expect((await german.json()).error.fields.firstName.message).toContain("nicht gespeichert");
    expect(await db.registration.count({ where: { sessionId } })).toBe(0);
    expect(await db.outboxMessage.count()).toBe(before);
  });

  it("in an answer to the workshop's question is refused the same way, through the form's path too", async () => {
    const { sessionId, workshopId } = await createProgrammeWithSession();
    const question = await db.question.create({
      data: { workshopId, position: 0, type: "LONG_TEXT", labelDe: "Erwartungen", labelEn: "Expectations" },
      select: { id: true },
    });
    for (const value of unstorable) {
      const outcome = await registerParticipant(
        { ...person(`answer@example.org`), sessionId, privacyNoticeVersion: "1", locale: "de", answers: { [question.id]: `gut${value}` } },
        { ip: null },
      );
      expect(outcome).toMatchObject({ ok: false, code: "invalid", fieldErrors: { [`answers.${question.id}`]: "invalidCharacters" } });
    }
    expect(await db.registration.count({ where: { sessionId } })).toBe(0);
  });

  it("in organiser forms is a field error and changes nothing", async () => {
    const world = await organiserWorld();
    const organiser = world.actors.organiserA;
    const workshopBefore = await db.workshop.findUniqueOrThrow({ where: { id: world.workshopA.id } });
    const outboxBefore = await db.outboxMessage.count();
    for (const value of unstorable) {
      const update = await updateWorkshop(organiser, world.workshopA.id, {
        title: "Titel",
        slug: uniqueSlug("t"),
        summary: "Kurz",
        description: `Lang${value}`,
      });
      expect(update).toEqual({ ok: false, code: "invalid", fieldErrors: { description: "invalidCharacters" } });
      const added = await addAttendee(organiser, world.sessionA, {
        firstName: `Max${value}`,
        lastName: "Muster",
        email: "max@example.org",
        organisation: "Kreis",
        role: "OTHER",
        override: "on",
      });
      expect(added).toMatchObject({ ok: false, code: "invalid", fieldErrors: { firstName: "invalidCharacters" } });
      const message = await sendMessage(organiser, world.sessionA, { group: "CONFIRMED", subject: `Hinweis${value}`, body: "Text" });
      expect(message).toMatchObject({ ok: false, code: "invalid", fieldErrors: { subject: "invalidCharacters" } });
    }
    expect(await db.workshop.findUniqueOrThrow({ where: { id: world.workshopA.id } })).toEqual(workshopBefore);
    expect(await db.registration.count({ where: { sessionId: world.sessionA } })).toBe(2);
    expect(await db.outboxMessage.count()).toBe(outboxBefore);
  });
});

describe("the attendee search", () => {
  it("takes % and _ literally: '%' finds only names with a '%', '_' only names with a '_'", async () => {
    const world = await organiserWorld();
    const percent = await addRegistration(world.sessionB, world.privacyNoticeId, { status: "CONFIRMED", email: `prozent-${uniqueSlug("p")}@example.org` });
    await db.registration.update({ where: { id: percent.id }, data: { lastName: "Hundert%Prozent" } });
    const underscore = await addRegistration(world.sessionB, world.privacyNoticeId, { status: "CONFIRMED", email: `unter-${uniqueSlug("u")}@example.org` });
    await db.registration.update({ where: { id: underscore.id }, data: { organisation: "Amt_7" } });
    const plain = await addRegistration(world.sessionB, world.privacyNoticeId, { status: "CONFIRMED", email: `ohne-${uniqueSlug("o")}@example.org` });
    await db.registration.update({ where: { id: plain.id }, data: { organisation: "Amt 7" } });

    const search = (q: string) =>
      listAttendees(world.actors.admin, world.sessionB, attendeeFilterSchema.parse({ q })).then((rows) => rows.map((row) => row.id));
    expect(await search("")).toHaveLength(3);
    expect(await search("%")).toEqual([percent.id]);
    expect(await search("_")).toEqual([underscore.id]);
    expect(await search("amt_7")).toEqual([underscore.id]);
    expect((await search("amt 7")).includes(underscore.id)).toBe(false);
    expect(await search("\\")).toEqual([]);
  });

  it("treats NUL and lone surrogates as nothing typed instead of failing", async () => {
    const world = await organiserWorld();
    const rows = await listAttendees(world.actors.organiserA, world.sessionA, attendeeFilterSchema.parse({ q: "Muster\u0000\ud800" }));
    expect(rows).toHaveLength(2);
  });
});
