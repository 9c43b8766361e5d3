import { describe, expect, it } from "vitest";
import { questionColumnKey, registrationColumns } from "@/lib/export/columns";

describe("registration export columns", () => {
  it("label the standard columns in German, with the organiser's questions at the end", () => {
    const columns = registrationColumns("de", [{ id: "diet", label: "Ernährung" }]);
    expect(columns.map((column) => column.header)).toEqual([
      "Anmelde-ID",
      "Workshop",
      "Terminbeginn",
      "Status",
      "Wartelistenplatz",
      "Vorname",
      "Nachname",
      "E-Mail-Adresse",
      "Organisation",
      "Rolle",
      "Bedarfe zur Barrierefreiheit",
      "Sprache",
      "Teilgenommen",
      "Einwilligung erteilt am",
      "Fassung der Datenschutzhinweise",
      "Angemeldet am",
      "Ernährung",
    ]);
    expect(columns.at(-1)).toEqual({ key: "q:diet", header: "Ernährung", type: "string" });
  });

  it("label the same columns in English, under the same keys", () => {
    const german = registrationColumns("de", []);
    const english = registrationColumns("en", []);
    expect(english.map((column) => column.key)).toEqual(german.map((column) => column.key));
    expect(english.find((column) => column.key === "sessionStartsAt")?.header).toBe("Session start");
  });

  it("type times, counts and attendance so spreadsheets can sort and filter them", () => {
    const types = Object.fromEntries(registrationColumns("de", []).map((column) => [column.key, column.type]));
    expect(types).toMatchObject({
      sessionStartsAt: "date",
      consentedAt: "date",
      registeredAt: "date",
      waitlistPosition: "number",
      privacyNoticeVersion: "number",
      attended: "boolean",
      email: "string",
    });
  });

  it("keep a question's answers apart from a standard column even if its id matches one", () => {
    const columns = registrationColumns("de", [{ id: "email", label: "Zweite E-Mail" }]);
    expect(columns.filter((column) => column.key === "email")).toHaveLength(1);
    expect(columns.at(-1)?.key).toBe(questionColumnKey("email"));
  });
});
