import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-path";

const base = "https://anmeldung.komma.test";
const fallback = "/organisation";

describe("the path followed after sign-in", () => {
  it.each([
    ["/organisation/workshops", "/organisation/workshops"],
    ["/organisation/export/anmeldungen?format=csv&workshopId=1", "/organisation/export/anmeldungen?format=csv&workshopId=1"],
    ["/", "/"],
    ["https://anmeldung.komma.test/organisation", "/organisation"],
    ["/organisation/teilnehmende?suche=M%C3%BCller", "/organisation/teilnehmende?suche=M%C3%BCller"],
  ])("keeps a path on this site: %j", (input, expected) => {
    expect(safeCallbackPath(input, base, fallback)).toBe(expected);
  });

  // Each row names the part of the check that stops it; removing that part lets at least one row through.
  it.each([
    // Another host, however written (origin check and the URL parser).
    ["http://other.example/organisation", "other origin"],
    ["https://anmeldung.komma.test.evil.example/", "other origin"],
    ["javascript:alert(1)", "other origin"],
    ["//evil.example/", "protocol-relative"],
    ["/\\evil.example/", "backslash read as slash"],
    ["\\/evil.example/", "backslash read as slash"],
    // Same origin, but the path itself starts with two slashes: Location: //evil.example/ leaves the site (issue 13, point 3).
    ["https://anmeldung.komma.test//evil.example/", "double slash in the path"],
    ["https://anmeldung.komma.test/\\evil.example/", "backslash in the path"],
    // Encoded once: a later decode would turn these into "/\evil" and "//evil".
    ["/%5Cevil.example/", "encoded backslash"],
    ["/%5cevil.example/", "encoded backslash"],
    ["/%2F%2Fevil.example/", "encoded slashes"],
    ["%2F%2Fevil.example/", "encoded slashes, relative"],
    ["/%2Fevil.example/", "encoded second slash"],
    // Control characters: the URL parser drops tabs and newlines, "/\t/evil" would become "//evil".
    ["/\t/evil.example/", "tab"],
    ["/\n/evil.example/", "newline"],
    ["/organisation\r\nSet-Cookie: x=1", "CR LF"],
    ["/organi\tsation", "tab inside a harmless path"],
    ["/organisation%0d%0aSet-Cookie:%20x=1", "encoded CR LF"],
    ["/%00", "encoded NUL"],
    ["/%E0%A4%A", "malformed encoding"],
  ])("refuses %j (%s)", (input) => {
    expect(safeCallbackPath(input, base, fallback)).toBe(fallback);
  });

  it("refuses what is not a string", () => {
    expect(safeCallbackPath(undefined, base, fallback)).toBe(fallback);
    expect(safeCallbackPath(["/organisation"], base, fallback)).toBe(fallback);
  });
});
