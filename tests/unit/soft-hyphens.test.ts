import { describe, expect, it } from "vitest";
import { catalogues } from "@/lib/i18n/catalogue";
import { softHyphenLabel, withoutSoftHyphens } from "@/lib/i18n/soft-hyphens";

function texts(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, child]) => texts(child, prefix ? `${prefix}.${key}` : key));
  return [];
}

describe("soft hyphens in headings", () => {
  it("leave the words whole for screen readers", () => {
    expect(withoutSoftHyphens("Teilnahme\u00adbescheinigung prüfen")).toBe("Teilnahmebescheinigung prüfen");
    expect(softHyphenLabel("Teilnahme\u00adbescheinigungen")).toEqual({ "aria-label": "Teilnahmebescheinigungen" });
    // Twice in a row: no state carried over between calls.
    expect(softHyphenLabel("Organisations\u00adbereich")).toEqual({ "aria-label": "Organisationsbereich" });
  });

  it("add no label where there is no soft hyphen", () => {
    expect(softHyphenLabel("Certificates of attendance")).toEqual({});
  });

  it("stand only in headings of the catalogue, inside a word", () => {
    const withSoftHyphen = [...texts(catalogues.de), ...texts(catalogues.en)].filter(([, text]) => text.includes("\u00ad"));
    expect(withSoftHyphen.length).toBeGreaterThan(0);
    for (const [key, text] of withSoftHyphen) {
      expect(key).toMatch(/\.heading$/);
      expect(text).toMatch(/^[^\u00ad]*(\p{L}\u00ad\p{L}[^\u00ad]*)+$/u);
    }
  });
});
