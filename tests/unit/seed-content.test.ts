import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kommaProgramme, kommaWorkshops } from "@/lib/seed/komma";

// The programme's public announcement the seed was written from, kept in the
// repository so that this comparison runs in every clone and in CI.
const announcement = readFileSync(new URL("../fixtures/komma-transferworkshops-2025.txt", import.meta.url), "utf8");

describe("the KommA seed content", () => {
  it("has workshop 1 with one date and the alternative-dates workshop with two, 14:00–16:00", () => {
    expect(kommaWorkshops.map((workshop) => workshop.originalSessions.length)).toEqual([1, 2]);
    expect(kommaWorkshops.flatMap((workshop) => workshop.originalSessions.map((session) => session.date))).toEqual(["2025-09-10", "2025-09-17", "2025-09-24"]);
    for (const workshop of kommaWorkshops) {
      for (const session of workshop.originalSessions) expect([session.start, session.end]).toEqual(["14:00", "16:00"]);
    }
  });

  it("contains no link to the external survey tool", () => {
    expect(JSON.stringify({ kommaProgramme, kommaWorkshops })).not.toMatch(/lamapoll|survey/i);
  });

  it("takes titles, guiding questions and instruments word for word from the announcement", () => {
    const normalised = announcement.replace(/\s+/g, " ");
    for (const workshop of kommaWorkshops) {
      expect(normalised).toContain(workshop.title);
      for (const instrument of workshop.instruments) expect(normalised).toContain(`- ${instrument}`);
      // Questions were split into single sentences ("Und wie …" → "Wie …").
      for (const question of workshop.guidingQuestions.slice(0, 3)) expect(normalised.toLowerCase()).toContain(question.toLowerCase());
    }
  });
});
