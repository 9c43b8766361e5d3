import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/lib/i18n/locale";

describe("the language of a page", () => {
  it("is German by default", () => {
    expect(negotiateLocale(undefined, null)).toBe("de");
    expect(negotiateLocale(undefined, "fr-FR,fr;q=0.9")).toBe("de");
  });

  it("follows the browser's preference for English", () => {
    expect(negotiateLocale(undefined, "en-GB,en;q=0.9,de;q=0.5")).toBe("en");
    expect(negotiateLocale(undefined, "de-DE,de;q=0.9,en;q=0.8")).toBe("de");
  });

  it("follows the visitor's explicit choice over the browser", () => {
    expect(negotiateLocale("en", "de-DE")).toBe("en");
    expect(negotiateLocale("xx", "de-DE")).toBe("de");
  });
});
