// The dashboard's key figures and the funder report on a fixture whose
// answers are counted by hand: every figure, the scoping by the organiser's
// workshops, the period, small groups in the report and its audit event.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { AuthorizationError, type Actor } from "@/lib/auth/authorisation";
import { createFunderReport } from "@/lib/dashboard/create-funder-report";
import { keyFigures, aggregateSmallGroups } from "@/lib/dashboard/figures";
import { INSTITUTION_KIND_KEY, institutionKindOptions } from "@/lib/dashboard/institution-kinds";
import { queryDashboard } from "@/lib/dashboard/queries";
import { summariseFigures } from "@/lib/dashboard/summary";
import { db } from "@/lib/db";
import { zonedToInstant } from "@/lib/time/zoned";
import { uniqueSlug } from "../helpers/factories";

type Person = {
  status: "CONFIRMED" | "WAITLISTED" | "PENDING" | "CANCELLED" | "REJECTED";
  role: "ADMINISTRATION" | "ELECTED_OFFICIAL" | "CIVIL_SOCIETY" | "OTHER";
  day: string;
  kind?: string;
  attended?: boolean | null;
};

const berlin = "Europe/Berlin";
let programmeId: string;
let workshop1: string;
let workshop2: string;
let session1: string;
let session2: string;
let session3: string;
let admin: Actor;
let organiser1: Actor;
let organiser2: Actor;

async function user(role: "ADMIN" | "ORGANISER"): Promise<Actor> {
  return db.user.create({
    data: { email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.org`, role },
    select: { id: true, email: true, name: true, role: true },
  });
}

function people(count: number, person: Person): Person[] {
  return Array.from({ length: count }, () => person);
}

async function register(sessionId: string, privacyNoticeId: string, questionId: string | null, list: Person[]) {
  await db.registration.createMany({
    data: list.map((person, index) => ({
      sessionId,
      privacyNoticeId,
      status: person.status,
      waitlistPosition: person.status === "WAITLISTED" ? index + 1 : null,
      firstName: "Erika",
      lastName: `Muster ${index}`,
      email: `person-${randomUUID().slice(0, 8)}@example.org`,
      organisation: "Stadt Musterhausen",
      role: person.role,
      answers: questionId && person.kind ? { [questionId]: person.kind } : {},
      consentedAt: new Date(),
      attended: person.attended ?? null,
      createdAt: zonedToInstant(person.day, "10:00", berlin),
    })),
  });
}

/**
 * Evaluation: the programme's questionnaire asks two ratings, the first is the
 * overall one; workshop 2 asks its own. Session 1: 5 invited, 4 responses
 * rating 5, 4, 4, 3 overall (average 4.0). Session 3: 4 invited, 2 responses
 * rating 5, 5: below the minimum of 3, so only the count shows.
 */
async function evaluate(programme: string) {
  const rating = { type: "RATING" as const, labelDe: "Bewertung", labelEn: "Rating" };
  const [overall, useful] = await Promise.all([
    db.evaluationQuestion.create({ data: { ...rating, programmeId: programme, position: 0 }, select: { id: true } }),
    db.evaluationQuestion.create({ data: { ...rating, programmeId: programme, position: 1 }, select: { id: true } }),
  ]);
  await db.workshop.update({ where: { id: workshop2 }, data: { evaluationOwnQuestions: true } });
  const own = await db.evaluationQuestion.create({ data: { ...rating, workshopId: workshop2, position: 0 }, select: { id: true } });
  const invite = async (sessionId: string, count: number) => {
    const registrations = await db.registration.findMany({ where: { sessionId, status: "CONFIRMED" }, select: { id: true }, take: count });
    await db.evaluationInvitation.createMany({
      data: registrations.map((registration) => ({ registrationId: registration.id, sessionId, tokenHash: randomUUID() })),
    });
  };
  const respond = async (workshopId: string, sessionId: string, answers: { questionId: string; rating: number }[]) => {
    await db.evaluationResponse.create({ data: { workshopId, sessionId, answers: { create: answers } } });
  };
  await invite(session1, 5);
  await invite(session3, 4);
  for (const [first, second] of [
    [5, 1],
    [4, 1],
    [4, 1],
    [3, 1],
  ] as const) {
    await respond(workshop1, session1, [
      { questionId: overall.id, rating: first },
      { questionId: useful.id, rating: second },
    ]);
  }
  await respond(workshop2, session3, [{ questionId: own.id, rating: 5 }]);
  await respond(workshop2, session3, [{ questionId: own.id, rating: 5 }]);
}

beforeAll(async () => {
  const programme = await db.programme.create({
    data: {
      slug: uniqueSlug("report"),
      name: "Berichtsprogramm",
      description: "Programm",
      contactEmail: "bericht@example.org",
      privacyNotices: { create: { version: 1, text: "Datenschutz" } },
    },
    select: { id: true, privacyNotices: { select: { id: true } } },
  });
  programmeId = programme.id;
  const privacyNoticeId = programme.privacyNotices[0]!.id;
  const session = (date: string, capacity: number, status: "SCHEDULED" | "CANCELLED" = "SCHEDULED") => ({
    startsAt: zonedToInstant(date, "14:00", berlin),
    endsAt: zonedToInstant(date, "16:00", berlin),
    capacity,
    status,
  });
  const first = await db.workshop.create({
    data: {
      programmeId,
      slug: uniqueSlug("w1"),
      position: 0,
      title: "Berichtsworkshop Eins",
      summary: "Kurz",
      description: "Lang",
      questions: {
        create: { type: "SINGLE_CHOICE", labelDe: "Institution", labelEn: "Institution", options: institutionKindOptions, reportKey: INSTITUTION_KIND_KEY },
      },
      sessions: { create: [session("2030-03-10", 10), session("2030-04-10", 5, "CANCELLED")] },
    },
    select: { id: true, questions: { select: { id: true } }, sessions: { select: { id: true }, orderBy: { startsAt: "asc" } } },
  });
  const second = await db.workshop.create({
    data: {
      programmeId,
      slug: uniqueSlug("w2"),
      position: 1,
      title: "Berichtsworkshop Zwei",
      summary: "Kurz",
      description: "Lang",
      sessions: { create: [session("2030-05-10", 4)] },
    },
    select: { id: true, sessions: { select: { id: true } } },
  });
  workshop1 = first.id;
  workshop2 = second.id;
  [session1, session2] = first.sessions.map((entry) => entry.id) as [string, string];
  session3 = second.sessions[0]!.id;
  const question = first.questions[0]!.id;

  // Session 1 (10 seats): 10 registrations on three days.
  await register(session1, privacyNoticeId, question, [
    ...people(3, { status: "CONFIRMED", role: "ADMINISTRATION", day: "2030-02-01", kind: "municipality", attended: true }),
    { status: "CONFIRMED", role: "ADMINISTRATION", day: "2030-02-03", kind: "district", attended: true },
    { status: "CONFIRMED", role: "ELECTED_OFFICIAL", day: "2030-02-03", kind: "district", attended: false },
    { status: "CONFIRMED", role: "ELECTED_OFFICIAL", day: "2030-02-03", attended: null },
    { status: "WAITLISTED", role: "CIVIL_SOCIETY", day: "2030-02-03", kind: "science" },
    { status: "WAITLISTED", role: "OTHER", day: "2030-02-03", kind: "municipality" },
    { status: "CANCELLED", role: "ADMINISTRATION", day: "2030-02-05", kind: "district" },
    { status: "PENDING", role: "ADMINISTRATION", day: "2030-02-05", kind: "municipality" },
  ]);
  // Session 2 was called off: its two registrations were cancelled.
  await register(session2, privacyNoticeId, question, people(2, { status: "CANCELLED", role: "ADMINISTRATION", day: "2030-03-01" }));
  // Session 3 (4 seats, attendance not taken, form without the kind of institution).
  await register(session3, privacyNoticeId, null, [
    ...people(4, { status: "CONFIRMED", role: "ELECTED_OFFICIAL", day: "2030-04-20" }),
    { status: "REJECTED", role: "ELECTED_OFFICIAL", day: "2030-04-21" },
  ]);

  await evaluate(programmeId);

  [admin, organiser1, organiser2] = await Promise.all([user("ADMIN"), user("ORGANISER"), user("ORGANISER")]);
  await db.workshopAssignment.createMany({
    data: [
      { userId: organiser1.id, workshopId: workshop1 },
      { userId: organiser2.id, workshopId: workshop2 },
    ],
  });
});

describe("dashboard key figures", () => {
  it("counts registrations, confirmed, waiting list, cancellations, fill and attendance per session", async () => {
    const data = await queryDashboard(admin, { programmeId });
    const figures = new Map(data.sessions.map((session) => [session.sessionId, keyFigures(session)]));
    expect(figures.get(session1)).toMatchObject({
      registrations: 10,
      confirmed: 6,
      waitlisted: 2,
      pending: 1,
      cancelled: 1,
      rejected: 0,
      capacity: 10,
      fillRate: 0.6,
      attendanceTaken: 5,
      attended: 4,
      noShows: 1,
      attendanceRate: 0.8,
    });
    // Called off: its seats do not count towards the fill rate.
    expect(figures.get(session2)).toMatchObject({ registrations: 2, cancelled: 2, confirmed: 0, capacity: 0, fillRate: null, attendanceRate: null });
    expect(data.sessions.find((session) => session.sessionId === session2)).toMatchObject({ calledOff: true, seats: 5 });
    expect(figures.get(session3)).toMatchObject({
      registrations: 5,
      confirmed: 4,
      rejected: 1,
      capacity: 4,
      fillRate: 1,
      attendanceTaken: 0,
      noShows: 0,
      attendanceRate: null,
    });
  });

  it("sums the sessions per workshop and overall", async () => {
    const data = await queryDashboard(admin, { programmeId });
    const summary = summariseFigures(data.sessions, "Alle");
    expect(summary.workshops.map((workshop) => [workshop.title, workshop.figures.registrations, workshop.figures.fillRate])).toEqual([
      ["Berichtsworkshop Eins", 12, 0.6],
      ["Berichtsworkshop Zwei", 5, 1],
    ]);
    expect(summary.programmes).toHaveLength(1);
    expect(summary.overall.figures).toMatchObject({
      registrations: 17,
      confirmed: 10,
      waitlisted: 2,
      cancelled: 3,
      capacity: 14,
      fillRate: 10 / 14,
      attendanceTaken: 5,
      attended: 4,
      noShows: 1,
      attendanceRate: 0.8,
    });
  });

  it("counts registrations per day, per role and per kind of institution", async () => {
    const data = await queryDashboard(admin, { programmeId });
    expect(data.timeline.get(session1)).toEqual([
      { day: "2030-02-01", registrations: 3 },
      { day: "2030-02-03", registrations: 5 },
      { day: "2030-02-05", registrations: 2 },
    ]);
    expect(data.roles).toEqual([
      { key: "ADMINISTRATION", count: 8 },
      { key: "ELECTED_OFFICIAL", count: 7 },
      { key: "CIVIL_SOCIETY", count: 1 },
      { key: "other", count: 1 },
    ]);
    // Only workshop 1 asks; session 2's registrations did not answer.
    expect(data.institutionKinds).toEqual([
      { key: "municipality", count: 5 },
      { key: "district", count: 3 },
      { key: "none", count: 3 },
      { key: "science", count: 1 },
    ]);
    const withoutQuestion = await queryDashboard(admin, { programmeId, workshopId: workshop2 });
    expect(withoutQuestion.institutionKinds).toBeNull();
  });

  it("shows organisers their own workshops only and refuses a foreign one", async () => {
    const own = await queryDashboard(organiser1, { programmeId });
    expect(new Set(own.sessions.map((session) => session.workshopId))).toEqual(new Set([workshop1]));
    expect(own.roles.reduce((sum, role) => sum + role.count, 0)).toBe(12);
    await expect(queryDashboard(organiser2, { workshopId: workshop1 })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(queryDashboard(organiser2, { sessionId: session1 })).rejects.toBeInstanceOf(AuthorizationError);
  });

  it("limits the period to sessions starting in it (Berlin days)", async () => {
    const april = await queryDashboard(admin, { programmeId, from: "2030-04-01", to: "2030-04-10" });
    expect(april.sessions.map((session) => session.sessionId)).toEqual([session2]);
    const session = await queryDashboard(admin, { programmeId, sessionId: session3 });
    expect(session.sessions.map((entry) => entry.registrations)).toEqual([5]);
  });
});

describe("evaluation figures", () => {
  it("count invitations and responses, average the overall rating, and withhold ratings below the minimum", async () => {
    const data = await queryDashboard(admin, { programmeId });
    const figures = new Map(data.sessions.map((session) => [session.sessionId, keyFigures(session)]));
    expect(figures.get(session1)).toMatchObject({
      evaluationInvited: 5,
      evaluationResponses: 4,
      responseRate: 0.8,
      ratings: 4,
      averageRating: 4,
      rating1: 0,
      rating3: 1,
      rating4: 2,
      rating5: 1,
      sessionsBelowMinimum: 0,
    });
    // Two answers, minimum 3: the count only, no rating.
    expect(figures.get(session3)).toMatchObject({
      evaluationInvited: 4,
      evaluationResponses: 2,
      responseRate: 0.5,
      ratings: 0,
      averageRating: null,
      rating5: 0,
      sessionsBelowMinimum: 1,
    });
    expect(figures.get(session2)).toMatchObject({ evaluationInvited: 0, evaluationResponses: 0, responseRate: null, averageRating: null });
    // The withheld ratings (5, 5) stay out of the total too: 4.0, not 4.33.
    const overall = summariseFigures(data.sessions, "Alle").overall.figures;
    expect(overall).toMatchObject({ evaluationInvited: 9, evaluationResponses: 6, responseRate: 6 / 9, ratings: 4, averageRating: 4, sessionsBelowMinimum: 1 });
  });

  it("show a session's ratings once its workshop's minimum is reached, from the workshop's own questionnaire", async () => {
    await db.workshop.update({ where: { id: workshop2 }, data: { evaluationMinimumAnswers: 2 } });
    try {
      const data = await queryDashboard(admin, { programmeId, workshopId: workshop2 });
      expect(keyFigures(data.sessions[0]!)).toMatchObject({ evaluationResponses: 2, ratings: 2, averageRating: 5, sessionsBelowMinimum: 0 });
    } finally {
      await db.workshop.update({ where: { id: workshop2 }, data: { evaluationMinimumAnswers: null } });
    }
  });
});

describe("small groups", () => {
  it("merge categories of fewer than 3 into other, an existing other included", () => {
    expect(
      aggregateSmallGroups([
        { key: "ADMINISTRATION", count: 8 },
        { key: "ELECTED_OFFICIAL", count: 7 },
        { key: "CIVIL_SOCIETY", count: 1 },
        { key: "other", count: 1 },
      ]),
    ).toEqual([
      { key: "ADMINISTRATION", count: 8 },
      { key: "ELECTED_OFFICIAL", count: 7 },
      { key: "other", count: 2 },
    ]);
    expect(
      aggregateSmallGroups([
        { key: "a", count: 3 },
        { key: "b", count: 2 },
        { key: "c", count: 0 },
      ]),
    ).toEqual([
      { key: "a", count: 3 },
      { key: "other", count: 2 },
    ]);
  });
});

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "report-")), "report.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

function pdfStructure(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "report-")), "report.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdfinfo", ["-struct-text", file], { encoding: "utf8" });
}

describe("funder report", () => {
  it("as PDF contains the figures per workshop and overall, small groups merged, and is audited", async () => {
    const before = await db.auditEvent.count({ where: { action: "report.funder", actorId: admin.id } });
    const file = await createFunderReport(admin, { programmeId, from: "2030-01-01", to: "2030-12-31" }, "pdf", { locale: "de" });
    expect(file.contentType).toBe("application/pdf");
    expect(file.fileName).toMatch(/^foerderbericht_\d{4}-\d{2}-\d{2}_\d{4}\.pdf$/);
    const text = pdfText(file.body);
    expect(text).toContain("Förderbericht");
    expect(text).toContain("Zeitraum: Termine vom 01.01.2030 bis 31.12.2030");
    expect(text).toMatch(/Anmeldungen\s+17\s+12\s+5/);
    expect(text).toMatch(/Auslastung\s+71 %\s+60 %\s+100 %/);
    expect(text).toMatch(/Teilnahmequote\s+80 %\s+80 %\s+–/);
    expect(text).toMatch(/Nicht erschienen\s+1\s+1\s+0/);
    expect(text).toContain("Workshop: Berichtsworkshop Eins");
    // Evaluation: overall, workshop 1, workshop 2 (below the minimum: no rating).
    expect(text).toMatch(/Evaluation: eingeladen\s+9\s+5\s+4/);
    expect(text).toMatch(/Evaluation: Antworten\s+6\s+4\s+2/);
    expect(text).toMatch(/Rücklaufquote\s+67 %\s+80 %\s+50 %/);
    expect(text).toMatch(/Bewertung Ø \(1–5\)\s+4,0\s+4,0\s+–/);
    expect(text).toMatch(/Bei 1 Termin mit weniger Bewertungen/);
    expect(text).toContain("Verteilung der Gesamtbewertung");
    expect(text).toContain("1 (niedrigste): 0 (0 %) · 2: 0 (0 %) · 3: 1 (25 %) · 4: 2 (50 %) · 5 (höchste): 1 (25 %)");
    expect(text).toMatch(/zu wenige Antworten/);
    // Roles: civil society (1) and other (1) become "Sonstige: 2"; science (1) joins other kinds.
    expect(text).toContain("Sonstige: 2");
    expect(text).not.toContain("Zivilgesellschaft: 1");
    expect(text).not.toContain("Wissenschaft");
    expect(text).not.toMatch(/Erika|Muster|@example\.org/);
    // Tagged for screen readers: headings, tables with header cells, charts as described figures.
    const structure = pdfStructure(file.body);
    expect(structure).toMatch(/^Document\n\s+H1 \(block\)\n\s+"Förderbericht/);
    expect(structure).toMatch(/H2 \(block\)\n\s+"Workshop: Berichtsworkshop Eins"/);
    expect(structure).toMatch(/TR\n\s+TH\n\s+"Anmeldungen"\n\s+TD\n\s+"17"\n\s+TD\n\s+"12"/);
    expect(structure).toContain("Figure");
    expect(file.body.toString("latin1")).toMatch(/\/Alt \(/);
    const events = await db.auditEvent.findMany({ where: { action: "report.funder", actorId: admin.id }, select: { id: true, details: true } });
    expect(events).toHaveLength(before + 1);
    expect(events.find((event) => event.id === file.auditEventId)?.details).toMatchObject({ format: "pdf", reach: "all", sessions: 3 });
  });

  it("as XLSX holds the same figures, categories with small groups merged", async () => {
    const file = await createFunderReport(organiser1, {}, "xlsx", { locale: "en" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ExcelJS.Buffer);
    const figures = workbook.getWorksheet("Figures")!;
    const header = (figures.getRow(1).values as unknown[]).slice(1);
    const overall = (figures.getRow(2).values as unknown[]).slice(1);
    const column = (name: string) => overall[header.indexOf(name)];
    expect(column("Registrations")).toBe(12);
    expect(column("Fill rate")).toBe(0.6);
    expect(column("Attendance rate")).toBe(0.8);
    expect(column("No-shows")).toBe(1);
    expect(column("Response rate")).toBe(0.8);
    expect(column("Rating avg. (1–5)")).toBe(4);
    const roles = workbook
      .getWorksheet("Role")!
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[]).slice(1));
    // Workshop 1 only: administration 8, elected officials 2, civil society 1, other 1 → 8 and "Other" 4.
    expect(roles.filter((row) => row[0] === "All workshops of the selection")).toEqual([
      ["All workshops of the selection", "Administration staff", 8],
      ["All workshops of the selection", "Other", 4],
    ]);
    const kinds = workbook
      .getWorksheet("Institution")!
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[]).slice(1));
    expect(kinds.filter((row) => row[0] === "All workshops of the selection")).toEqual([
      ["All workshops of the selection", "Municipality/city", 5],
      ["All workshops of the selection", "District", 3],
      ["All workshops of the selection", "Not stated", 3],
      ["All workshops of the selection", "Other", 1],
    ]);
    const text = JSON.stringify(workbook.worksheets.map((sheet) => sheet.getSheetValues()));
    expect(text).not.toMatch(/Erika|Muster|@example\.org|Berichtsworkshop Zwei/);
  });
});
