// Registrations as CSV for spreadsheet programs, streamed row by row.
import { pipeline, Readable } from "node:stream";
import { TZDate } from "@date-fns/tz";
import { stringify } from "csv-stringify";
import { format } from "date-fns";
import type { Locale } from "@/lib/i18n/catalogue";
import { translator } from "@/lib/i18n/translator";
import type { ExportCell, ExportColumn, ExportRow } from "./columns";
import { neutraliseFormula } from "./neutralise-formula";

export type CsvOptions = {
  /** ";" is what German Excel expects when a file is opened by double-click; "," for everything else. */
  delimiter: "," | ";";
  /** IANA zone the dates are shown in, normally the session's (Europe/Berlin). */
  timeZone: string;
  /** Language of the yes/no words in boolean columns. */
  locale: Locale;
};

// ISO order is read the same way by people in both languages and parsed as a
// date by Excel and LibreOffice whatever their locale.
const dateFormat = "yyyy-MM-dd HH:mm";

/**
 * The registrations as UTF-8 CSV: byte-order mark (without it Excel shows
 * umlauts as mojibake), header row, CRLF after every record (RFC 4180).
 *
 * Cells are rendered by their value: dates as wall-clock time in `timeZone`,
 * numbers as plain digits, booleans as the locale's "ja"/"nein" ("yes"/"no"),
 * which a person reading the file understands without a legend (1/0 or
 * TRUE/FALSE would not be), empty for null/undefined, and every string,
 * headers included, through neutraliseFormula.
 *
 * Rows are pulled from `rows` only as fast as the result is read, and the
 * source is closed (its `return()` called) when the result is destroyed, so an
 * aborted download releases the database cursor.
 */
export function registrationsCsv(rows: AsyncIterable<ExportRow>, columns: ExportColumn[], options: CsvOptions): Readable {
  assertTimeZone(options.timeZone);
  const t = translator(options.locale, "export");
  const words = { yes: t("yes"), no: t("no") };

  function cell(value: ExportCell): string {
    if (value === null || value === undefined) return "";
    if (value instanceof Date) return format(new TZDate(value.getTime(), options.timeZone), dateFormat);
    if (typeof value === "boolean") return value ? words.yes : words.no;
    if (typeof value === "number") return String(value);
    return neutraliseFormula(value);
  }

  async function* records() {
    for await (const row of rows) yield columns.map((column) => cell(row[column.key]));
  }

  const csv = stringify({
    bom: true,
    header: true,
    columns: columns.map((column, index) => ({ key: String(index), header: neutraliseFormula(column.header) })),
    delimiter: options.delimiter,
    record_delimiter: "\r\n",
  });
  // pipeline forwards a failing source (a lost database connection) to the
  // consumer as an error instead of ending a silently truncated file.
  pipeline(Readable.from(records()), csv, () => {});
  return csv;
}

function assertTimeZone(timeZone: string) {
  // Throws a RangeError for an unknown zone, before the first byte is sent.
  new Intl.DateTimeFormat("en", { timeZone });
}
