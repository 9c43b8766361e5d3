import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kommaProgramme, kommaWorkshops } from "@/lib/seed/komma";

const seedDir = new URL("../../../shared/seed/", import.meta.url);
const announcement = existsSync(seedDir)
  ? readdirSync(seedDir).map((file) => readFileSync(new URL(file, seedDir), "utf8")).join("\n")
  : null;

describe("the KommA seed content", () => {
  it("has workshop 1 with one date and the alternative-dates workshop with two, 14:00–16:00", () => {
    expect(kommaWorkshops.map((workshop) => workshop.originalSessions.length)).toEqual([1, 2]);
    expect(kommaWorkshops.flatMap((workshop) => workshop.originalSessions.map((session) => session.date))).toEqual([
      "2025-09-10",
      "2025-09-17",
      "2025-09-24",
    ]);
    for (const workshop of kommaWorkshops) {
      for (const session of workshop.originalSessions) expect([session.start, session.end]).toEqual(["14:00", "16:00"]);
    }
  });

  it("contains no link to the external survey tool", () => {
    expect(JSON.stringify({ kommaProgramme, kommaWorkshops })).not.toMatch(/lamapoll|survey/i);
  });

  it.skipIf(!announcement)("takes titles, guiding questions and instruments word for word from the announcement", () => {
    const normalised = announcement!.replace(/\s+/g, " ");
    for (const workshop of kommaWorkshops) {
      expect(normalised).toContain(workshop.title);
      for (const instrument of workshop.instruments) expect(normalised).toContain(`- ${instrument}`);
      // Questions were split into single sentences ("Und wie …" → "Wie …").
      for (const question of workshop.guidingQuestions.slice(0, 3)) expect(normalised.toLowerCase()).toContain(question.toLowerCase());
    }
  });
});
