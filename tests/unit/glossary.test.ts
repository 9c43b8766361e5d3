// One word per action (docs/glossary.md): the German catalogue and every
// template and page that could hold a German word must not use the variants
// we retired. A test, because a variant comes back with the next new text.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogues } from "@/lib/i18n/catalogue";

function texts(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, child]) => texts(child, path ? `${path}.${key}` : key));
  return [];
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Retired words and the word that replaced them. */
const retired: [RegExp, string][] = [
  [/stornier/i, "absagen (Teilnahme absagen)"],
  [/freiwillig/i, "(optional)"],
  [/login/i, "Anmeldelink / Anmeldeseite"],
  [/link zum einloggen/i, "Anmeldelink"],
  [/einlogg|eingeloggt|auslogg|ausgeloggt/i, "anmelden / abmelden"],
];

// "Abmelden" is the organisers' sign-out (also what locking an account does to its
// open sessions); participants "sagen ab" or "verlassen die Warteliste".
const signOutOnly = /abmeld|abgemeldet/i;
const signOutKey = /(^|\.)(signOut|deactivateIntro)(\.|$)/;

const german = texts(catalogues.de);
const root = join(__dirname, "..", "..");
const sources = ["app", "components", join("lib", "email")].flatMap((directory) => sourceFiles(join(root, directory)));

describe("the German glossary", () => {
  it("has no retired variant in the catalogue", () => {
    const found = german.flatMap(([path, text]) => retired.filter(([word]) => word.test(text)).map(([, instead]) => `${path}: "${text}" (use ${instead})`));
    expect(found).toEqual([]);
  });

  it("says abmelden only for the organisers' sign-out", () => {
    const found = german.filter(([path, text]) => signOutOnly.test(text) && !signOutKey.test(path)).map(([path, text]) => `${path}: "${text}"`);
    expect(found).toEqual([]);
  });

  it("shows no version number next to the privacy notice in the registration form", () => {
    expect(catalogues.de.registration.fields.privacySummary).not.toMatch(/fassung|version|\{/i);
  });

  it("has no retired variant in the templates and pages either", () => {
    const found = sources.flatMap((file) => {
      const source = readFileSync(file, "utf8");
      return retired.filter(([word]) => word !== retired[2]![0] && word.test(source)).map(([word]) => `${file}: ${word}`);
    });
    expect(found).toEqual([]);
  });

  it("fails for each retired word (the check itself works)", () => {
    for (const sample of ["Anmeldung stornieren", "Anmerkung (freiwillig)", "Ihr Login-Link", "Link zum Einloggen", "Sie sind ausgeloggt"]) {
      expect(retired.some(([word]) => word.test(sample))).toBe(true);
    }
    expect(signOutOnly.test("Sie haben sich abgemeldet")).toBe(true);
  });
});
