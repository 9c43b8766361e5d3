import { describe, expect, it } from "vitest";
import { etagMatches, ifRangeAllows, parseRange } from "@/lib/materials/http-range";

describe("Range requests on material downloads", () => {
  it("serves the whole file without a Range header", () => {
    expect(parseRange(null, 1000)).toEqual({ kind: "whole" });
  });

  it("reads a closed, an open and a suffix range", () => {
    expect(parseRange("bytes=0-499", 1000)).toEqual({ kind: "partial", range: { start: 0, end: 499 } });
    expect(parseRange("bytes=500-", 1000)).toEqual({ kind: "partial", range: { start: 500, end: 999 } });
    expect(parseRange("bytes=-200", 1000)).toEqual({ kind: "partial", range: { start: 800, end: 999 } });
  });

  it("clamps an end past the file and a suffix longer than it", () => {
    expect(parseRange("bytes=900-5000", 1000)).toEqual({ kind: "partial", range: { start: 900, end: 999 } });
    expect(parseRange("bytes=-5000", 1000)).toEqual({ kind: "partial", range: { start: 0, end: 999 } });
    expect(parseRange("bytes=999-999", 1000)).toEqual({ kind: "partial", range: { start: 999, end: 999 } });
  });

  it("cannot serve a range that starts at or past the end, an empty suffix, or any range of an empty file", () => {
    expect(parseRange("bytes=1000-", 1000)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=1000-1200", 1000)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=-0", 1000)).toEqual({ kind: "unsatisfiable" });
    expect(parseRange("bytes=0-", 0)).toEqual({ kind: "unsatisfiable" });
  });

  it("answers malformed, reversed and multiple ranges with the whole file", () => {
    expect(parseRange("bytes=5-1", 1000)).toEqual({ kind: "whole" });
    expect(parseRange("bytes=0-1,5-6", 1000)).toEqual({ kind: "whole" });
    expect(parseRange("items=0-1", 1000)).toEqual({ kind: "whole" });
    expect(parseRange("bytes=-", 1000)).toEqual({ kind: "whole" });
    expect(parseRange("bytes=a-b", 1000)).toEqual({ kind: "whole" });
  });
});

describe("conditional requests", () => {
  const etag = '"abc123"';
  it("matches If-None-Match weakly, in lists and with *", () => {
    expect(etagMatches('"abc123"', etag)).toBe(true);
    expect(etagMatches('W/"abc123"', etag)).toBe(true);
    expect(etagMatches('"x", "abc123"', etag)).toBe(true);
    expect(etagMatches("*", etag)).toBe(true);
    expect(etagMatches('"abc12"', etag)).toBe(false);
    expect(etagMatches(null, etag)).toBe(false);
  });

  it("honours Range only when If-Range is absent or names the current version", () => {
    expect(ifRangeAllows(null, etag)).toBe(true);
    expect(ifRangeAllows('"abc123"', etag)).toBe(true);
    expect(ifRangeAllows('"old"', etag)).toBe(false);
    expect(ifRangeAllows("Wed, 21 Oct 2015 07:28:00 GMT", etag)).toBe(false);
  });
});
