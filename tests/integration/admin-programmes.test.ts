// Programmes set up in the app: administrators create and edit them, the
// privacy notice is versioned (registrations keep theirs), one programme is
// the one the public pages show; workshops get a slug from their title;
// sessions are duplicated through the new-session form.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { AuthorizationError } from "@/lib/auth/authorisation";
import { db } from "@/lib/db";
import { composeRegistrationEmail, type RegistrationMailContext } from "@/lib/email/registration-email";
import { currentProgrammeId } from "@/lib/programmes/current-programme";
import { saveProgramme } from "@/lib/programmes/save-programme";
import { createSession } from "@/lib/sessions/create-session";
import { sessionFormValues } from "@/lib/sessions/schema";
import { copiedSessionValues } from "@/lib/sessions/session-copy";
import { createWorkshop } from "@/lib/workshops/create-workshop";
import { addRegistration, organiserWorld } from "../helpers/organiser-world";

const suffix = () => randomUUID().slice(0, 6);

function programmeValues(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    name: `Größere Übung ${suffix()}`,
    description: "Einführung in das Programm.",
    contactEmail: "Kontakt@Example.org",
    privacyNotice: "Datenschutzhinweise\nWir verarbeiten Ihre Angaben nur für die Anmeldung.",
    retentionDays: "90",
    ...overrides,
  };
}

// Files share one database: whatever a test marks as shown is unmarked again,
// so other files keep finding the programme named by PROGRAMME_SLUG.
afterAll(async () => {
  await db.programme.updateMany({ where: { shownOnHome: true }, data: { shownOnHome: false } });
});

describe("administrators set up programmes", () => {
  it("creates a programme with a slug from its name, version 1 of its privacy notice and an audit event", async () => {
    const { actors } = await organiserWorld();
    const values = programmeValues({ name: "Größere Übung für Straßen", nameEn: "Larger exercise for streets" });
    const outcome = await saveProgramme(actors.admin, "new", values);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const programme = await db.programme.findUniqueOrThrow({
      where: { id: outcome.programmeId },
      select: {
        slug: true,
        name: true,
        nameEn: true,
        contactEmail: true,
        retentionDays: true,
        imprint: true,
        privacyNotices: { select: { version: true, text: true } },
      },
    });
    expect(programme.slug).toMatch(/^groessere-uebung-fuer-strassen(-\d+)?$/);
    expect(programme).toMatchObject({ nameEn: "Larger exercise for streets", contactEmail: "kontakt@example.org", retentionDays: 90, imprint: null });
    expect(programme.privacyNotices).toEqual([{ version: 1, text: values.privacyNotice }]);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { subjectType: "programme", subjectId: outcome.programmeId },
      select: { action: true, actorId: true },
    });
    expect(audit).toEqual({ action: "programme.create", actorId: actors.admin.id });
  });

  it("refuses organisers and reports invalid fields by name", async () => {
    const { actors } = await organiserWorld();
    await expect(saveProgramme(actors.organiserA, "new", programmeValues())).rejects.toBeInstanceOf(AuthorizationError);
    await expect(saveProgramme(null, "new", programmeValues())).rejects.toBeInstanceOf(AuthorizationError);
    const outcome = await saveProgramme(
      actors.admin,
      "new",
      programmeValues({ name: " ", contactEmail: "keine-adresse", retentionDays: "0", slug: "Nicht gültig!" }),
    );
    expect(outcome).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { name: "required", contactEmail: "email", retentionDays: "tooSmall", slug: "slug" },
    });
  });

  it("publishes a new privacy notice version only when the text changed; registrations keep theirs", async () => {
    const world = await organiserWorld();
    const created = await saveProgramme(world.actors.admin, "new", programmeValues());
    if (!created.ok) throw new Error("not created");
    const target = { programmeId: created.programmeId };
    const first = await db.privacyNotice.findFirstOrThrow({ where: { programmeId: created.programmeId }, select: { id: true } });
    // A registration in a workshop of this programme agreed to version 1.
    const workshop = await db.workshop.create({
      data: { programmeId: created.programmeId, slug: `w-${suffix()}`, title: "W", summary: "S", description: "D" },
      select: { id: true },
    });
    const session = await db.session.create({
      data: { workshopId: workshop.id, startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000), capacity: 5 },
      select: { id: true },
    });
    const registration = await addRegistration(session.id, first.id, { status: "CONFIRMED" });

    const unchanged = await saveProgramme(world.actors.admin, target, programmeValues({ name: "Umbenannt" }));
    expect(unchanged).toMatchObject({ ok: true, privacyNoticeVersion: 1 });

    const changed = await saveProgramme(
      world.actors.admin,
      target,
      programmeValues({ name: "Umbenannt", privacyNotice: "Datenschutzhinweise\nNeu gefasst.", privacyNoticeEn: "Privacy notice\nRevised." }),
    );
    expect(changed).toMatchObject({ ok: true, privacyNoticeVersion: 2 });
    const notices = await db.privacyNotice.findMany({
      where: { programmeId: created.programmeId },
      orderBy: { version: "asc" },
      select: { version: true, textEn: true },
    });
    expect(notices).toEqual([
      { version: 1, textEn: null },
      { version: 2, textEn: "Privacy notice\nRevised." },
    ]);
    const kept = await db.registration.findUniqueOrThrow({ where: { id: registration.id }, select: { privacyNoticeId: true } });
    expect(kept.privacyNoticeId).toBe(first.id);
    const programme = await db.programme.findUniqueOrThrow({ where: { id: created.programmeId }, select: { name: true, slug: true } });
    expect(programme.name).toBe("Umbenannt");
    // An emptied slug field keeps the address the programme has.
    const slugBefore = programme.slug;
    await saveProgramme(
      world.actors.admin,
      target,
      programmeValues({ name: "Umbenannt", slug: "", privacyNotice: "Datenschutzhinweise\nNeu gefasst.", privacyNoticeEn: "Privacy notice\nRevised." }),
    );
    expect((await db.programme.findUniqueOrThrow({ where: { id: created.programmeId }, select: { slug: true } })).slug).toBe(slugBefore);
  });

  it("shows one programme on the public pages: marking another one unmarks the first", async () => {
    const { actors } = await organiserWorld();
    const configured = await currentProgrammeId();
    const first = await saveProgramme(actors.admin, "new", programmeValues({ shownOnHome: "on" }));
    const second = await saveProgramme(actors.admin, "new", programmeValues());
    if (!first.ok || !second.ok) throw new Error("not created");
    expect(await currentProgrammeId()).toBe(first.programmeId);

    await saveProgramme(actors.admin, { programmeId: second.programmeId }, programmeValues({ shownOnHome: "on" }));
    expect(await currentProgrammeId()).toBe(second.programmeId);
    expect(await db.programme.count({ where: { shownOnHome: true } })).toBe(1);

    // Unmarked again: the programme named by PROGRAMME_SLUG is shown, as before.
    await saveProgramme(actors.admin, { programmeId: second.programmeId }, programmeValues());
    expect(await currentProgrammeId()).toBe(configured);
  });
});

describe("workshop slugs and duplicated sessions", () => {
  it("suggests a workshop's slug from its title, transliterated and made unique", async () => {
    const { actors } = await organiserWorld();
    const title = `Vielfalt stärken – Größe zeigen ${suffix()}`;
    const first = await createWorkshop(actors.organiserA, { title, summary: "Kurz", description: "Lang", slug: "" });
    const second = await createWorkshop(actors.organiserA, { title, summary: "Kurz", description: "Lang" });
    if (!first.ok || !second.ok) throw new Error("not created");
    const slugs = await db.workshop.findMany({
      where: { id: { in: [first.workshopId, second.workshopId] } },
      orderBy: { createdAt: "asc" },
      select: { slug: true },
    });
    const base = `vielfalt-staerken-groesse-zeigen-${title.slice(-6).toLowerCase()}`;
    expect(slugs.map((row) => row.slug)).toEqual([base, `${base}-2`]);
  });

  it("duplicates a session: the copy keeps its settings and lies a week later", async () => {
    const world = await organiserWorld();
    const source = await db.session.update({
      where: { id: world.sessionA },
      data: { format: "ON_SITE", location: "Rathaus, Saal 2", reminderHours: 48, waitlistEnabled: false },
    });
    const values = copiedSessionValues(sessionFormValues(source));
    const outcome = await createSession(world.actors.organiserA, world.workshopA.id, values);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const copy = await db.session.findUniqueOrThrow({ where: { id: outcome.sessionId } });
    // A week later on the wall clock (in UTC one hour more or less across a DST change).
    const [copyValues, sourceValues] = [sessionFormValues(copy), sessionFormValues(source)];
    expect(copyValues.startTime).toBe(sourceValues.startTime);
    expect(Date.parse(copyValues.date!) - Date.parse(sourceValues.date!)).toBe(7 * 86_400_000);
    expect(copy.endsAt.getTime() - copy.startsAt.getTime()).toBe(source.endsAt.getTime() - source.startsAt.getTime());
    expect(copy).toMatchObject({
      capacity: source.capacity,
      format: "ON_SITE",
      location: "Rathaus, Saal 2",
      reminderHours: 48,
      waitlistEnabled: false,
      confirmedCount: 0,
    });
    // Another workshop's organiser cannot create the copy in workshop A.
    await expect(createSession(world.actors.organiserB, world.workshopA.id, values)).rejects.toBeInstanceOf(AuthorizationError);
  });
});

describe("mails in the participant's language", () => {
  const context = (locale: string, titleEn: string | null): RegistrationMailContext => ({
    id: randomUUID(),
    firstName: "Ada",
    lastName: "Muster",
    email: "ada@example.org",
    locale,
    status: "CONFIRMED",
    waitlistPosition: null,
    sessionId: "s",
    session: {
      id: "s",
      startsAt: new Date("2031-05-14T12:00:00Z"),
      endsAt: new Date("2031-05-14T14:00:00Z"),
      timeZone: "Europe/Berlin",
      format: "ONLINE",
      joinUrl: null,
      location: null,
      sequence: 0,
      workshop: {
        title: "Mitarbeitende schützen",
        titleEn,
        summary: "Kurz",
        summaryEn: titleEn ? "Short" : null,
        programme: { name: "KommA", contactEmail: "k@example.org" },
      },
    },
  });

  it("uses the English title and summary where written, the German ones otherwise", () => {
    const message = { kind: "registration-confirmed" as const };
    const english = composeRegistrationEmail({ context: context("en", "Protecting staff"), message, manageUrl: "https://example.org/r/x" });
    expect(english.subject).toContain("Protecting staff");
    expect(english.text).toContain("Short");
    expect(english.attachments?.[0]?.content).toContain("SUMMARY:Protecting staff");
    const fallback = composeRegistrationEmail({ context: context("en", null), message, manageUrl: "https://example.org/r/x" });
    expect(fallback.subject).toContain("Mitarbeitende schützen");
    const german = composeRegistrationEmail({ context: context("de", "Protecting staff"), message, manageUrl: "https://example.org/r/x" });
    expect(german.subject).toContain("Mitarbeitende schützen");
  });

  it("marks a German title in an English mail's HTML with lang=de, and an English title not", () => {
    const message = { kind: "registration-confirmed" as const };
    const fallback = composeRegistrationEmail({ context: context("en", null), message, manageUrl: "https://example.org/r/x" });
    expect(fallback.html).toContain('<span lang="de">Mitarbeitende schützen</span>');
    expect(fallback.html).toContain('<span lang="de">Kurz</span>');
    expect(fallback.text).not.toContain("<span");
    const english = composeRegistrationEmail({ context: context("en", "Protecting staff"), message, manageUrl: "https://example.org/r/x" });
    expect(english.html).toContain("Protecting staff");
    expect(english.html).not.toMatch(/lang="de">(Protecting staff|Short)/);
    const german = composeRegistrationEmail({ context: context("de", null), message, manageUrl: "https://example.org/r/x" });
    expect(german.html).not.toContain("<span lang=");
  });
});
