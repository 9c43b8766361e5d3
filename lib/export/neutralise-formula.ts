// CSV/formula injection (OWASP "CSV Injection"): Excel, LibreOffice and
// Numbers run a cell that starts with one of these characters as a formula,
// even from a CSV file. Tab and carriage return count because some programs
// strip them before looking at the next character; the full-width forms
// because Apple Numbers folds them to their ASCII twins (csv-stringify's own
// escape_formulas guards the same set). A leading apostrophe makes the cell
// plain text. The price is a visible apostrophe before harmless text such as
// "-" or "+49 …", which is the accepted trade-off.
const formulaTriggers = new Set(["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);

export function neutraliseFormula(value: string): string {
  return formulaTriggers.has(value.charAt(0)) ? `'${value}` : value;
}
