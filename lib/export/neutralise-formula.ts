// CSV/formula injection (OWASP "CSV Injection"): Excel, LibreOffice and
// Numbers run a cell that starts with one of these characters as a formula,
// even from a CSV file. Tab and carriage return count because some programs
// strip them before looking at the next character. Look-alikes count too:
// Apple Numbers folds compatibility forms (full-width ＋, small ﹢, ﹦, ﹫,
// superscript ⁺ …) to their ASCII twins, and the minus sign U+2212 is read as
// "-" by spreadsheet input parsers. Folding the first character with NFKC
// catches every compatibility form of = + - @ at once, so no code point can
// be forgotten from a hand-kept list; U+2212 has no compatibility mapping and
// is named on its own. A leading apostrophe makes the cell plain text. The
// price is a visible apostrophe before harmless text such as "-" or "+49 …",
// which is the accepted trade-off.
const formulaTriggers = new Set(["=", "+", "-", "@", "\t", "\r", "\u2212"]);

export function neutraliseFormula(value: string): string {
  const first = value.charAt(0).normalize("NFKC").charAt(0);
  return formulaTriggers.has(first) ? `'${value}` : value;
}
