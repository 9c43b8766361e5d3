import { describe, expect, it } from "vitest";
import { attendanceMarks, ownCourtesies } from "@/lib/attendees/schema";
import { csrfTokenFromCookie } from "@/lib/auth/cookie-names";
import { translator } from "@/lib/i18n/translator";
import { flashCode, readFlash, withFlash } from "@/lib/organiser/flash";
import { refusedState } from "@/lib/organiser/form-state";
import { organiserFieldErrors as fieldErrors } from "@/lib/organiser/field-errors";
import { normaliseDate, normaliseTime, sessionFormValues, sessionSchema } from "@/lib/sessions/schema";
import { optionValues, questionSchema, workshopSchema } from "@/lib/workshops/schema";

const session = { date: "2026-03-29", startTime: "14:00", endTime: "16:00", capacity: "20", format: "ONLINE", reminderHours: "24" };

describe("the session form", () => {
  it("reads Berlin wall-clock time, also across the change to summer time", () => {
    const winter = sessionSchema.parse({ ...session, date: "28.3.2026" });
    const summer = sessionSchema.parse(session);
    expect(winter.startsAt.toISOString()).toBe("2026-03-28T13:00:00.000Z");
    expect(summer.startsAt.toISOString()).toBe("2026-03-29T12:00:00.000Z");
    expect(sessionFormValues({ ...summer, joinUrl: null, location: null })).toMatchObject({ date: "2026-03-29", startTime: "14:00", endTime: "16:00" });
  });

  it("accepts German and ISO dates and times, and nothing impossible", () => {
    expect(normaliseDate("4.3.2026")).toBe("2026-03-04");
    expect(normaliseDate("2026-02-30")).toBeNull();
    expect(normaliseTime("9.30")).toBe("09:30");
    expect(normaliseTime("24:00")).toBeNull();
  });

  it("names each problem with a catalogue key on its field", () => {
    const result = sessionSchema.safeParse({
      ...session,
      endTime: "13:00",
      capacity: "-1",
      format: "ON_SITE",
      joinUrl: "javascript:alert(1)",
      registrationOpens: "2026-03-20T10:00",
      registrationCloses: "2026-03-10T10:00",
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toMatchObject({ capacity: "wholeNumber", joinUrl: "url" });
    const valid = sessionSchema.safeParse({
      ...session,
      endTime: "13:00",
      format: "ON_SITE",
      registrationOpens: "2026-03-20T10:00",
      registrationCloses: "2026-03-10T10:00",
    });
    expect(valid.success ? {} : fieldErrors(valid.error)).toEqual({ endTime: "endBeforeStart", registrationCloses: "windowOrder", location: "locationNeeded" });
  });
});

describe("the workshop and question forms", () => {
  it("keep guiding questions in order, one per line", () => {
    const workshop = workshopSchema.parse({ title: " T ", slug: "Neuer-Workshop", summary: "S", description: "D", guidingQuestions: "Erste?\r\n\n Zweite? " });
    expect(workshop).toMatchObject({ title: "T", slug: "neuer-workshop", guidingQuestions: ["Erste?", "Zweite?"] });
    expect(workshopSchema.safeParse({ ...workshop, slug: "kein slug" }).success).toBe(false);
  });

  it("need two options for a choice question and none for the others", () => {
    const choice = questionSchema.safeParse({ type: "SINGLE_CHOICE", labelDe: "Ebene", labelEn: "Level", options: "Land | State" });
    expect(choice.success ? {} : fieldErrors(choice.error)).toEqual({ options: "optionsNeeded" });
    const text = questionSchema.safeParse({ type: "TEXT", labelDe: "Name", labelEn: "Name", options: "x" });
    expect(text.success ? {} : fieldErrors(text.error)).toEqual({ options: "optionsNotUsed" });
    expect(questionSchema.parse({ type: "MULTIPLE_CHOICE", labelDe: "A", labelEn: "A", required: "on", options: "Land | State\nKommune" })).toMatchObject({
      required: true,
      options: [
        { labelDe: "Land", labelEn: "State" },
        { labelDe: "Kommune", labelEn: "Kommune" },
      ],
    });
  });

  it("keeps the stored value of an option whose German label stays, so earlier answers still match", () => {
    const before = optionValues([
      { labelDe: "Große Stadt", labelEn: "City" },
      { labelDe: "Landkreis", labelEn: "District" },
    ]);
    expect(before.map((option) => option.value)).toEqual(["grosse-stadt", "landkreis"]);
    const after = optionValues(
      [
        { labelDe: "Landkreis", labelEn: "County" },
        { labelDe: "Gemeinde", labelEn: "Municipality" },
        { labelDe: "Gemeinde!", labelEn: "x" },
      ],
      [...before, { value: "landkreis-alt", labelDe: "Alt", labelEn: "Old" }],
    );
    expect(after.map((option) => option.value)).toEqual(["landkreis", "gemeinde", "gemeinde-2"]);
  });
});

describe("organiser form plumbing", () => {
  it("carries one-time notices through the query string, only known shapes", () => {
    const url = withFlash("/organisation/termine/x?q=abc&meldung=old", "session-saved-details", { promoted: 2, notified: 5 });
    expect(url).toBe("/organisation/termine/x?q=abc&meldung=session-saved-details&promoted=2&notified=5");
    expect(readFlash(Object.fromEntries(new URL(url, "http://h").searchParams))).toEqual({
      kind: "meldung",
      code: "session-saved-details",
      values: { promoted: 2, notified: 5 },
    });
    expect(readFlash({ fehler: "<script>" })).toBeNull();
  });

  it("shows a notice only for a code that has a message in that area", () => {
    const outcomes = { "session-saved": "Gespeichert.", forbidden: "Nicht erlaubt." };
    expect(flashCode({ kind: "meldung", code: "session-saved", values: {} }, outcomes)).toBe("session-saved");
    expect(flashCode({ kind: "fehler", code: "made-up-code", values: {} }, outcomes)).toBeNull();
    // Inherited properties are no messages.
    expect(flashCode({ kind: "fehler", code: "constructor", values: {} }, outcomes)).toBeNull();
  });

  it("puts errors of list entries on their field and keeps an outcome's numbers", () => {
    const previous = { submission: 3, values: {}, fieldErrors: {} };
    expect(refusedState(previous, { a: "1" }, { ok: false, code: "invalid", fieldErrors: { "guidingQuestions.4": "lineTooLong" } })).toEqual({
      submission: 4,
      values: { a: "1" },
      fieldErrors: { guidingQuestions: "lineTooLong" },
    });
    expect(refusedState(previous, {}, { ok: false, code: "capacity-below-taken", taken: 7 })).toMatchObject({
      outcome: "capacity-below-taken",
      outcomeValues: { taken: 7 },
    });
  });

  it("reads attendance marks and next-auth's CSRF cookie", () => {
    expect(attendanceMarks({ "attended.a": "yes", "attended.b": "no", "attended.c": "", other: "yes" })).toEqual({ a: true, b: false, c: null });
    const token = "a".repeat(64);
    expect(csrfTokenFromCookie(`${token}|${"b".repeat(64)}`)).toBe(token);
    expect(csrfTokenFromCookie("forged|x")).toBeNull();
    expect(csrfTokenFromCookie(undefined)).toBeNull();
  });

  it("has outcome messages that render with their numbers in both languages", () => {
    for (const locale of ["de", "en"] as const) {
      const t = translator(locale, "organiser");
      expect(t("outcome.session-saved-details", { promoted: 0, notified: 3 })).toMatch(/3/);
      expect(t("outcome.session-cancelled-done", { notified: 0 })).not.toMatch(/\{/);
      expect(t("sessionForm.confirmText", { count: 1 })).toMatch(/1/);
      expect(t("cancelSession.intro", { count: 12 })).toMatch(/12/);
    }
  });
});

describe("a message to attendees", () => {
  it("points out a greeting or closing the email adds anyway", () => {
    expect(ownCourtesies("Guten Tag,\n\nbitte bringen Sie das Handbuch mit.\n\nViele Grüße\nAnna Älter")).toEqual(["greeting", "closing"]);
    expect(ownCourtesies("Hallo zusammen, der Raum ändert sich.")).toEqual(["greeting"]);
    expect(ownCourtesies("Der Raum ändert sich.\n\nMit freundlichen Grüßen\nIhr Team")).toEqual(["closing"]);
    expect(ownCourtesies("Der Raum ändert sich: Wir treffen uns in Raum 2.")).toEqual([]);
  });
});
