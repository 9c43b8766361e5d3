import { describe, expect, it } from "vitest";
import { neutraliseFormula } from "@/lib/export/neutralise-formula";

// One case per character a spreadsheet may read as the start of a formula:
// leaving any of them out of the rule fails its own test.
const triggers: [name: string, character: string][] = [
  ["equals sign", "="],
  ["plus sign", "+"],
  ["hyphen-minus", "-"],
  ["commercial at", "@"],
  ["tab", "\t"],
  ["carriage return", "\r"],
  ["minus sign U+2212", "\u2212"],
  ["full-width equals sign U+FF1D", "\uFF1D"],
  ["full-width plus sign U+FF0B", "\uFF0B"],
  ["full-width hyphen-minus U+FF0D", "\uFF0D"],
  ["full-width commercial at U+FF20", "\uFF20"],
  ["small plus sign U+FE62", "\uFE62"],
  ["small hyphen-minus U+FE63", "\uFE63"],
  ["small equals sign U+FE66", "\uFE66"],
  ["small commercial at U+FE6B", "\uFE6B"],
  ["superscript plus sign U+207A", "\u207A"],
  ["superscript minus U+207B", "\u207B"],
  ["superscript equals sign U+207C", "\u207C"],
  ["subscript plus sign U+208A", "\u208A"],
  ["subscript minus U+208B", "\u208B"],
  ["subscript equals sign U+208C", "\u208C"],
  ["Hebrew alternative plus sign U+FB29", "\uFB29"],
  ["two consecutive equals signs U+2A75", "\u2A75"],
  ["three consecutive equals signs U+2A76", "\u2A76"],
];

describe("neutraliseFormula", () => {
  it.each(triggers)("makes a cell starting with the %s plain text", (_name, character) => {
    const payload = `${character}HYPERLINK("http://evil.example","x")`;
    expect(neutraliseFormula(payload)).toBe(`'${payload}`);
  });

  it.each(['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1:A2)", "\t=1", "\r=1"])(
    "turns the known payload %j into text a spreadsheet will not run",
    (payload) => {
      expect(neutraliseFormula(payload)).toBe(`'${payload}`);
    },
  );

  it.each(["Jürgen", "Stadt Köln", "a=b", "1+1", "'zitiert", "", " =1", "Ａmt", "①", "\u2010Bindestrich"])("leaves ordinary text %j as it is", (text) => {
    expect(neutraliseFormula(text)).toBe(text);
  });
});
