import { describe, expect, it } from "vitest";
import { negotiateLocale, returnPath } from "@/lib/i18n/locale";

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

describe("the way back after switching the language", () => {
  const appUrl = "https://anmeldung.example.org";

  it("is the page the visitor came from, as a path on this site", () => {
    expect(returnPath("https://anmeldung.example.org/workshops/x?termin=2", appUrl)).toBe("/workshops/x?termin=2");
  });

  it("is the start page for a missing, malformed or foreign Referer", () => {
    expect(returnPath(null, appUrl)).toBe("/");
    expect(returnPath("notaurl", appUrl)).toBe("/");
    expect(returnPath("https://evil.example/phish", appUrl)).toBe("/");
    expect(returnPath("http://anmeldung.example.org/workshops/x", appUrl)).toBe("/");
  });

  it("is the page the form was sent from when there is no Referer (pages with private links send none)", () => {
    expect(returnPath(null, appUrl, "/r/abc123")).toBe("/r/abc123");
    expect(returnPath("notaurl", appUrl, "/workshops/x")).toBe("/workshops/x");
    // The Referer, with its query, wins where there is one.
    expect(returnPath("https://anmeldung.example.org/workshops/x?termin=2", appUrl, "/workshops/x")).toBe("/workshops/x?termin=2");
    for (const hostile of ["//evil.example/x", "/\\evil.example", "https://evil.example/", "/%2F%2Fevil.example", "/\t/evil.example", 42]) {
      expect(returnPath(null, appUrl, hostile), String(hostile)).toBe("/");
    }
  });

  it("never becomes an address on another host", () => {
    expect(returnPath("https://anmeldung.example.org//evil.example/x", appUrl)).toBe("/");
    expect(returnPath("https://anmeldung.example.org/\\evil.example/x", appUrl)).toBe("/");
  });
});
