import { describe, expect, it } from "vitest";
import { chosenInstruments, instrumentSchema } from "@/lib/instruments/schema";
import { instrumentSlug } from "@/lib/instruments/slug";
import { kommaWorkshops } from "@/lib/seed/komma";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("instruments", () => {
  it("are nine records for the announcement's ten tags: Übergriffsmanagement is shared by both workshops", () => {
    const titles = kommaWorkshops.flatMap((workshop) => workshop.instruments);
    expect(titles).toHaveLength(10);
    expect(new Set(titles).size).toBe(9);
    expect(kommaWorkshops.every((workshop) => workshop.instruments.includes("Übergriffsmanagement"))).toBe(true);
    expect(new Set(titles.map(instrumentSlug)).size).toBe(9);
  });

  it("get German addresses with umlauts transliterated, as the migration makes them", () => {
    expect(instrumentSlug("Übergriffsmanagement")).toBe("uebergriffsmanagement");
    expect(instrumentSlug("Stärkung / Vernetzung von Mitarbeitenden mit Rassismuserfahrungen")).toBe(
      "staerkung-vernetzung-von-mitarbeitenden-mit-rassismuserfahrungen",
    );
    expect(instrumentSlug("Vertrauliche Allianzen: Strategieentwicklung")).toBe("vertrauliche-allianzen-strategieentwicklung");
    expect(instrumentSlug("Straße")).toBe("strasse");
    expect(instrumentSlug("…")).toBe("instrument");
  });

  it("are chosen for a workshop in the order of their position fields; unticked ones are left out", () => {
    const chosen = chosenInstruments(
      form([
        ["instrument", "b"],
        ["instrument", "a"],
        ["position-a", "1"],
        ["position-b", "2"],
        ["position-c", "0"],
      ]),
    );
    expect(chosen).toEqual(["a", "b"]);
    expect(
      chosenInstruments(
        form([
          ["instrument", "x"],
          ["instrument", "x"],
        ]),
      ),
    ).toEqual(["x"]);
  });

  it("need a title and a valid address; the English title is optional", () => {
    expect(instrumentSchema.parse({ title: " Übergriffsmanagement ", slug: "Uebergriffsmanagement", position: "3" })).toEqual({
      title: "Übergriffsmanagement",
      titleEn: null,
      slug: "uebergriffsmanagement",
      summary: "",
      summaryEn: null,
      description: "",
      descriptionEn: null,
      position: 3,
    });
    expect(instrumentSchema.safeParse({ title: "", slug: "ü", position: "0" }).success).toBe(false);
  });
});
