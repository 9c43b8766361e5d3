// RFC 5545 3.1: content lines are folded so that no line is longer than 75
// octets, a continuation line starting with one space. The ics package folds
// at 75 characters, so lines with umlauts or emoji reach 80 octets and more;
// strict clients reject or mangle them. We unfold its output and fold again by
// octets, never inside a UTF-8 sequence or a surrogate pair.

const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** Joins folded lines back into one logical line each (CRLF + one space or tab). */
export function unfoldLines(calendar: string): string[] {
  return calendar
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .filter((line, index, lines) => line !== "" || index < lines.length - 1);
}

/** One logical line as folded physical lines of at most 75 octets each. */
export function foldLine(line: string): string[] {
  const physical: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > MAX_OCTETS) {
      physical.push(current);
      // The continuation's leading space counts towards its 75 octets.
      current = " ";
      octets = 1;
    }
    current += character;
    octets += size;
  }
  physical.push(current);
  return physical;
}

/** Logical lines as a calendar folded by octets, every line ending in CRLF. */
export function foldLines(lines: string[]): string {
  return lines.flatMap(foldLine).join("\r\n") + "\r\n";
}
