// Registration exports end to end: from rows in PostgreSQL through the real
// download route to a file read back by csv-parse and exceljs.
import { randomUUID } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { AuthorizationError, type Actor } from "@/lib/auth/authorisation";
import { db } from "@/lib/db";
import { exportRegistrations } from "@/lib/export/export-registrations";
import type { ExportFilter, ExportFormat } from "@/lib/export/export-filter";
import { addRegistration, organiserWorld, type OrganiserWorld } from "../helpers/organiser-world";

const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => signedIn.actor }));

const { GET, POST } = await import("@/app/organisation/export/anmeldungen/route");

const injections = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(1)"];
const tricky = {
  firstName: 'Jürgen "Jo"',
  lastName: "Groß-Öztürk, Dr.; MdL",
  organisation: "Stadt Köln, Amt für Bürgerdienste; Abt. 3",
  accessibilityNeeds: "Rollstuhl\nGebärdensprache, bitte; danke",
};

type World = OrganiserWorld & {
  sessionStartsAt: Date;
  busySession: string;
  trickyId: string;
  injectionIds: string[];
  tiedIds: string[];
  anonymisedId: string;
  registrationB: string;
  choice: { multi: string; single: string };
};

let world: World;

async function arrange(): Promise<World> {
  const base = await organiserWorld();
  const multi = await db.question.create({
    data: {
      workshopId: base.workshopA.id,
      position: 2,
      type: "MULTIPLE_CHOICE",
      labelDe: "Themen",
      labelEn: "Topics",
      options: [
        { value: "hass", labelDe: "Hass im Netz", labelEn: "Online hate" },
        { value: "schutz", labelDe: "Schutz, Beratung; Hilfe", labelEn: "Protection" },
      ],
    },
    select: { id: true },
  });
  const single = await db.question.create({
    data: {
      workshopId: base.workshopA.id,
      position: 3,
      type: "SINGLE_CHOICE",
      labelDe: "Ebene",
      labelEn: "Level",
      options: [
        { value: "land", labelDe: "Land", labelEn: "State" },
        { value: "kommune", labelDe: "Kommune", labelEn: "Municipality" },
      ],
    },
    select: { id: true },
  });
  // Whole minutes in Berlin summer time, to check wall-clock dates exactly.
  const sessionStartsAt = new Date("2031-07-02T08:30:00.000Z");
  const busy = await db.session.create({
    data: { workshopId: base.workshopA.id, startsAt: sessionStartsAt, endsAt: new Date(sessionStartsAt.getTime() + 2 * 3600_000), capacity: 50 },
    select: { id: true },
  });
  const [expectations, photo] = base.workshopA.questionIds as [string, string];

  const trickyRow = await addRegistration(busy.id, base.privacyNoticeId, { status: "CONFIRMED" });
  await db.registration.update({
    where: { id: trickyRow.id },
    data: { ...tricky, answers: { [expectations]: 'Austausch,\n"offen"; ehrlich', [photo]: true, [multi.id]: ["hass", "schutz"], [single.id]: "kommune" } },
  });

  const injectionIds: string[] = [];
  for (const payload of injections) {
    const row = await addRegistration(busy.id, base.privacyNoticeId, { status: "CONFIRMED" });
    await db.registration.update({
      where: { id: row.id },
      data: { firstName: payload, lastName: payload, organisation: payload, answers: { [expectations]: payload } },
    });
    injectionIds.push(row.id);
  }

  // Registered in the same millisecond: the keyset must still hand out each exactly once.
  const tiedAt = new Date("2024-01-01T10:00:00.000Z");
  const tiedIds: string[] = [];
  for (let index = 0; index < 5; index++) {
    const row = await addRegistration(busy.id, base.privacyNoticeId, { status: "CONFIRMED" });
    await db.registration.update({ where: { id: row.id }, data: { createdAt: tiedAt, lastName: `Gleichzeitig-${index}` } });
    tiedIds.push(row.id);
  }

  const anonymised = await addRegistration(busy.id, base.privacyNoticeId, { status: "CONFIRMED" });
  await db.registration.update({
    where: { id: anonymised.id },
    data: { status: "CANCELLED", firstName: "", lastName: "", organisation: "", email: `anonymised-${anonymised.id}@invalid`, anonymisedAt: new Date() },
  });

  const registrationB = await addRegistration(base.sessionB, base.privacyNoticeId, { status: "CONFIRMED" });
  return {
    ...base,
    sessionStartsAt,
    busySession: busy.id,
    trickyId: trickyRow.id,
    injectionIds,
    tiedIds,
    anonymisedId: anonymised.id,
    registrationB: registrationB.id,
    choice: { multi: multi.id, single: single.id },
  };
}

async function fileOf(actor: Actor | null, filter: ExportFilter, format: ExportFormat, batchSize?: number) {
  const file = await exportRegistrations(actor, filter, format, { locale: "de", batchSize, now: new Date("2031-03-05T09:07:00Z") });
  return { ...file, bytes: Buffer.concat(await file.body.toArray()) };
}

function csvRecords(bytes: Buffer, delimiter: "," | ";"): Record<string, string>[] {
  return parse(bytes, { bom: true, delimiter, columns: true, relax_column_count: false }) as Record<string, string>[];
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
}

function sheetRecords(sheet: ExcelJS.Worksheet): { headers: string[]; rows: Map<string, ExcelJS.Row> } {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const idColumn = headers.indexOf("Anmelde-ID") + 1;
  const rows = new Map<string, ExcelJS.Row>();
  sheet.eachRow((row, number) => {
    if (number > 1) rows.set(String(row.getCell(idColumn).value), row);
  });
  return { headers, rows };
}

const downloadUrl = "http://localhost:3000/organisation/export/anmeldungen";

/** The export page's form post: the fields as the browser sends them, from our own origin unless told otherwise. */
async function request(actor: Actor | null, fields: string, headers: Record<string, string> = { origin: "http://localhost:3000" }) {
  signedIn.actor = actor;
  return POST(
    new NextRequest(downloadUrl, {
      method: "POST",
      body: fields,
      headers: { "accept-language": "de-DE", "content-type": "application/x-www-form-urlencoded", ...headers },
    }),
  );
}

function exportEvents() {
  return db.auditEvent.count({ where: { action: "export.registrations" } });
}

beforeAll(async () => {
  world = await arrange();
});

describe("the registrations CSV", () => {
  it.each([
    ["csv", ","],
    ["csv-semicolon", ";"],
  ] as const)("(%s) parses back with umlauts, quotes, separators and line breaks intact, after a byte-order mark", async (format, delimiter) => {
    const file = await fileOf(world.actors.organiserA, { workshopId: world.workshopA.id }, format);
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    const records = csvRecords(file.bytes, delimiter);
    const row = records.find((record) => record["Anmelde-ID"] === world.trickyId)!;
    expect(row).toMatchObject({
      Vorname: tricky.firstName,
      Nachname: tricky.lastName,
      Organisation: tricky.organisation,
      "Bedarfe zur Barrierefreiheit": tricky.accessibilityNeeds,
      Status: "bestätigt",
      Rolle: "Verwaltungsmitarbeitende",
      Teilgenommen: "",
      Terminbeginn: "2031-07-02 10:30",
      Erwartungen: 'Austausch,\n"offen"; ehrlich',
      "Foto ok": "ja",
      Themen: "Hass im Netz, Schutz, Beratung; Hilfe",
      Ebene: "Kommune",
    });
  });

  it("turns formula payloads in names and answers into plain text", async () => {
    const records = csvRecords((await fileOf(world.actors.admin, { sessionId: world.busySession }, "csv-semicolon")).bytes, ";");
    for (const [index, payload] of injections.entries()) {
      const row = records.find((record) => record["Anmelde-ID"] === world.injectionIds[index])!;
      for (const column of ["Vorname", "Nachname", "Organisation", "Erwartungen"]) expect(row[column]).toBe(`'${payload}`);
    }
  });

  it("fetches in batches without losing or repeating rows registered in the same millisecond, and leaves anonymised ones out", async () => {
    const records = csvRecords((await fileOf(world.actors.admin, { sessionId: world.busySession }, "csv", 2)).bytes, ",");
    const ids = records.map((record) => record["Anmelde-ID"]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([world.trickyId, ...world.injectionIds, ...world.tiedIds]));
    expect(ids).toHaveLength(1 + injections.length + world.tiedIds.length);
    expect(ids).not.toContain(world.anonymisedId);
    // In order of registration within the session: the tied rows (registered "earlier") come first.
    expect(ids.slice(0, 5).sort()).toEqual([...world.tiedIds].sort());
  });
});

describe("the registrations workbook", () => {
  it("has typed cells: Berlin wall-clock dates, numbers as numbers, a frozen header with an auto-filter", async () => {
    const file = await fileOf(world.actors.admin, { workshopId: world.workshopA.id }, "xlsx");
    expect(file.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const sheet = await workbookOf(file.bytes);
    expect(sheet.name).toBe("Anmeldungen");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const { headers, rows } = sheetRecords(sheet);
    expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(headers.length).letter}1`);
    expect(headers).toEqual(expect.arrayContaining(["Erwartungen", "Foto ok", "Themen", "Ebene"]));

    const row = rows.get(world.trickyId)!;
    const cell = (header: string) => row.getCell(headers.indexOf(header) + 1);
    const start = cell("Terminbeginn").value as Date;
    expect(start).toBeInstanceOf(Date);
    const berlin = new TZDate(world.sessionStartsAt.getTime(), "Europe/Berlin");
    expect([start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate(), start.getUTCHours(), start.getUTCMinutes()]).toEqual([
      berlin.getFullYear(),
      berlin.getMonth(),
      berlin.getDate(),
      berlin.getHours(),
      berlin.getMinutes(),
    ]);
    expect(start.getUTCHours()).toBe(10);
    expect(cell("Terminbeginn").numFmt).toBe("dd.mm.yyyy hh:mm");
    expect(cell("Angemeldet am").value).toBeInstanceOf(Date);
    expect(cell("Fassung der Datenschutzhinweise").value).toBe(1);
    expect(cell("Vorname").value).toBe(tricky.firstName);
    expect(cell("Bedarfe zur Barrierefreiheit").value).toBe(tricky.accessibilityNeeds);
    expect(cell("Themen").value).toBe("Hass im Netz, Schutz, Beratung; Hilfe");

    const waiting = rows.get(world.waitingA)!;
    expect(waiting.getCell(headers.indexOf("Wartelistenplatz") + 1).value).toBe(1);
    expect(waiting.getCell(headers.indexOf("Status") + 1).value).toBe("Warteliste");
  });

  it("stores formula payloads as text cells, never as formulas", async () => {
    const sheet = await workbookOf((await fileOf(world.actors.organiserA, { sessionId: world.busySession }, "xlsx")).bytes);
    const { headers, rows } = sheetRecords(sheet);
    for (const [index, payload] of injections.entries()) {
      const row = rows.get(world.injectionIds[index]!)!;
      for (const header of ["Vorname", "Nachname", "Organisation", "Erwartungen"]) {
        const cell = row.getCell(headers.indexOf(header) + 1);
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        // An XLSX string cell never runs as a formula: stored as typed, no apostrophe to see.
        expect(cell.value).toBe(payload);
      }
    }
  });
});

describe("who may export what", () => {
  async function idsOf(actor: Actor, filter: ExportFilter = {}) {
    return csvRecords((await fileOf(actor, filter, "csv")).bytes, ",").map((record) => record["Anmelde-ID"] ?? "");
  }

  it("gives an organiser only the registrations of their own workshops", async () => {
    const ids = await idsOf(world.actors.organiserA);
    expect(ids).toEqual(expect.arrayContaining([world.confirmedA, world.waitingA, world.pastConfirmedA, world.trickyId]));
    expect(ids).not.toContain(world.registrationB);
    expect(ids.length).toBeGreaterThan(0);
    const own = await db.registration.findMany({ where: { id: { in: ids } }, select: { session: { select: { workshopId: true } } } });
    expect(new Set(own.map((row) => row.session.workshopId))).toEqual(new Set([world.workshopA.id]));
  });

  it("gives administrators every workshop", async () => {
    const ids = await idsOf(world.actors.admin);
    expect(ids).toEqual(expect.arrayContaining([world.confirmedA, world.trickyId, world.registrationB]));
  });

  it("refuses an organiser naming another workshop or its session, before writing anything", async () => {
    const events = await db.auditEvent.count({ where: { action: "export.registrations" } });
    await expect(fileOf(world.actors.organiserB, { workshopId: world.workshopA.id }, "csv")).rejects.toBeInstanceOf(AuthorizationError);
    await expect(fileOf(world.actors.organiserB, { sessionId: world.sessionA }, "xlsx")).rejects.toBeInstanceOf(AuthorizationError);
    await expect(fileOf(null as unknown as Actor, {}, "csv")).rejects.toBeInstanceOf(AuthorizationError);
    expect(await db.auditEvent.count({ where: { action: "export.registrations" } })).toBe(events);
  });

  it("records each export with who, the filter and the row count once the file is complete", async () => {
    const file = await fileOf(world.actors.organiserA, { workshopId: world.workshopA.id, status: "CONFIRMED" }, "xlsx");
    const rows = (await workbookOf(file.bytes)).rowCount - 1;
    const event = await db.auditEvent.findUniqueOrThrow({ where: { id: file.auditEventId } });
    expect(event).toMatchObject({
      action: "export.registrations",
      actorId: world.actors.organiserA.id,
      actorEmail: world.actors.organiserA.email,
      subjectType: "export",
      subjectId: world.workshopA.id,
      details: { format: "xlsx", reach: "assigned", filter: { workshopId: world.workshopA.id, status: "CONFIRMED" }, rows, completed: true },
    });
    expect(rows).toBeGreaterThan(5);
  });
});

describe("the download route", () => {
  it("sends anonymous visitors to sign in and then to the export page, with no rows", async () => {
    const response = await request(null, `format=csv&workshopId=${world.workshopA.id}`);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/anmelden?callbackUrl=${encodeURIComponent("/organisation/export")}`);
    expect(await response.text()).toBe("");
  });

  it("downloads nothing and records nothing on a GET, which a link on another site could trigger: it shows the export page", async () => {
    const events = await exportEvents();
    signedIn.actor = world.actors.admin;
    const response = await GET(
      new NextRequest(`${downloadUrl}?format=csv&workshopId=${world.workshopA.id}&status=CONFIRMED`, { headers: { "sec-fetch-site": "cross-site" } }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/organisation/export?workshopId=${world.workshopA.id}&status=CONFIRMED`);
    expect(await response.text()).toBe("");
    expect(await exportEvents()).toBe(events);
  });

  it.each([
    ["another site's form (Origin)", { origin: "https://evil.example" }],
    ["a sandboxed frame (Origin: null)", { origin: "null" }],
    ["another site without Origin (Sec-Fetch-Site)", { "sec-fetch-site": "cross-site" }],
  ])("refuses a post from %s with 403, no rows and no audit event", async (_from, headers) => {
    const events = await exportEvents();
    const response = await request(world.actors.admin, `format=csv&workshopId=${world.workshopA.id}`, headers);
    expect(response.status).toBe(403);
    const body = await response.text();
    expect(body).not.toContain(tricky.lastName);
    expect(body).not.toContain(world.confirmedA);
    expect(await exportEvents()).toBe(events);
  });

  it("takes a post from our own pages, by Origin or by Sec-Fetch-Site, and records it", async () => {
    for (const headers of [{ origin: "http://localhost:3000" }, { "sec-fetch-site": "same-origin" }] as Record<string, string>[]) {
      const events = await exportEvents();
      const response = await request(world.actors.admin, `format=csv&workshopId=${world.workshopA.id}`, headers);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(world.confirmedA);
      expect(await exportEvents()).toBe(events + 1);
    }
  });

  it("applies the filter posted with the form", async () => {
    const response = await request(world.actors.admin, `workshopId=${world.workshopA.id}&status=&from=&format=csv`);
    const ids = csvRecords(Buffer.from(await response.arrayBuffer()), ",").map((record) => record["Anmelde-ID"]);
    expect(ids).toContain(world.trickyId);
    expect(ids).not.toContain(world.registrationB);
  });

  it("refuses a body far larger than the form before reading it", async () => {
    const fields = `format=csv&padding=${"x".repeat(20_000)}`;
    const events = await exportEvents();
    const response = await request(world.actors.admin, fields, { origin: "http://localhost:3000", "content-length": String(fields.length) });
    expect(response.status).toBe(413);
    expect(await exportEvents()).toBe(events);
  });

  it("answers 403 without rows to an organiser of another workshop", async () => {
    const response = await request(world.actors.organiserB, `format=csv&workshopId=${world.workshopA.id}`);
    expect(response.status).toBe(403);
    const body = await response.text();
    expect(body).not.toContain(tricky.lastName);
    expect(body).not.toContain(world.confirmedA);
  });

  it("streams the organiser's own rows as an attachment named after workshop, variant and time", async () => {
    const workshop = await db.workshop.findUniqueOrThrow({ where: { id: world.workshopA.id }, select: { slug: true } });
    const response = await request(world.actors.organiserA, `format=csv-semicolon&workshopId=${world.workshopA.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const disposition = response.headers.get("content-disposition")!;
    expect(disposition).toMatch(
      new RegExp(
        `^attachment; filename="anmeldungen_${workshop.slug}_semikolon_\\d{4}-\\d{2}-\\d{2}_\\d{4}\\.csv"; filename\\*=UTF-8''anmeldungen_${workshop.slug}_semikolon_\\d{4}-\\d{2}-\\d{2}_\\d{4}\\.csv$`,
      ),
    );
    const records = csvRecords(Buffer.from(await response.arrayBuffer()), ";");
    expect(records.map((record) => record["Anmelde-ID"])).toContain(world.trickyId);
    expect(records.map((record) => record["Anmelde-ID"])).not.toContain(world.registrationB);
  });

  it("names an administrator's export of everything 'alle' and serves a workbook", async () => {
    const response = await request(world.actors.admin, "format=xlsx");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/filename\*=UTF-8''anmeldungen_alle_\d{4}-\d{2}-\d{2}_\d{4}\.xlsx$/);
    const { rows } = sheetRecords(await workbookOf(Buffer.from(await response.arrayBuffer())));
    expect(rows.has(world.registrationB)).toBe(true);
    expect(rows.has(world.trickyId)).toBe(true);
  });

  it("refuses a request without a format", async () => {
    expect((await request(world.actors.admin, "")).status).toBe(400);
  });

  it("answers 404 to an administrator naming an unknown session", async () => {
    expect((await request(world.actors.admin, `format=csv&sessionId=${randomUUID()}`)).status).toBe(404);
  });
});
