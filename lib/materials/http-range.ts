// Conditional and partial downloads (RFC 9110 §13, §14). Pure.
import type { ByteRange } from "./storage/material-storage";

export type RangeRequest = { kind: "whole" } | { kind: "partial"; range: ByteRange } | { kind: "unsatisfiable" };

/**
 * One range of "bytes=a-b", "bytes=a-" or "bytes=-n". Several ranges or a
 * malformed header are answered with the whole file (a server may ignore
 * Range); a range that starts past the end cannot be served (416).
 */
export function parseRange(header: string | null, size: number): RangeRequest {
  if (!header) return { kind: "whole" };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!match) return { kind: "whole" };
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return { kind: "whole" };
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", range: { start: Math.max(0, size - suffix), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || start >= size) return { kind: "unsatisfiable" };
  if (last !== "" && Number(last) < start) return { kind: "whole" };
  return { kind: "partial", range: { start, end } };
}

/** If-None-Match uses the weak comparison: W/"x" matches "x"; "*" matches any. */
export function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((candidate) => {
    const value = candidate.trim();
    return value === "*" || value.replace(/^W\//, "") === bare;
  });
}

/** If-Range needs a strong match; a stale If-Range gets the whole file. */
export function ifRangeAllows(header: string | null, etag: string): boolean {
  return header === null || header.trim() === etag;
}
