// Registrations as an Excel workbook, streamed row by row.
import { PassThrough, type Readable } from "node:stream";
import { setImmediate as nextLoopTurn } from "node:timers/promises";
import { TZDate } from "@date-fns/tz";
import ExcelJS from "exceljs";
import type { ExportCell, ExportColumn, ExportRow } from "./columns";

export type XlsxOptions = {
  /** IANA zone the dates are shown in, normally the session's (Europe/Berlin). */
  timeZone: string;
  /** Shown on the worksheet tab; cut to Excel's rules (31 characters, no []:*?/\). */
  sheetName: string;
};

const dateFormat = "dd.mm.yyyy hh:mm";
// Column widths come from the header and the first rows, because the streaming
// writer has to send the widths before the first row.
const sampleSize = 100;
// How often the writer lets the zip compression, which runs on other event
// loop turns, catch up with the rows it has been given.
const rowsPerTurn = 100;

/**
 * The registrations as one worksheet: a bold, frozen header row with an
 * auto-filter, then one row per registration with typed cells. Numbers and
 * booleans are real numbers and booleans (Excel shows WAHR/FALSCH or
 * TRUE/FALSE in its own language), dates are date cells in "dd.mm.yyyy hh:mm",
 * empty for null/undefined. Strings are string cells, written as they are: a
 * string cell in XLSX is never run as a formula (unlike a CSV field), so the
 * CSV writer's leading apostrophe would only show. Multi-line answers wrap.
 *
 * Rows are written as they arrive and never kept: the writer pulls the next
 * row only while the result is being read, and closes `rows` (its `return()`)
 * when the result is destroyed. A failing source destroys the result with its
 * error rather than ending a truncated file.
 */
export function registrationsXlsx(rows: AsyncIterable<ExportRow>, columns: ExportColumn[], options: XlsxOptions): Readable {
  new Intl.DateTimeFormat("en", { timeZone: options.timeZone }); // unknown zone: RangeError before the first byte
  const name = worksheetName(options.sheetName);
  const output = new PassThrough();
  writeWorkbook(rows, columns, { ...options, sheetName: name }, output).catch((error: unknown) => output.destroy(error as Error));
  return output;
}

async function writeWorkbook(rows: AsyncIterable<ExportRow>, columns: ExportColumn[], options: XlsxOptions, output: PassThrough) {
  // Shared strings would keep every distinct text in memory until the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });

  const writeRow = (registration: ExportRow) => {
    const row = sheet.addRow(columns.map((column) => cellValue(registration[column.key], options.timeZone)));
    row.eachCell((cell) => {
      if (typeof cell.value === "string" && /[\r\n]/.test(cell.value)) cell.alignment = { wrapText: true, vertical: "top" };
    });
    row.commit();
  };

  let sample: ExportRow[] | null = [];
  const startSheet = (firstRows: ExportRow[]) => {
    sheet.columns = columns.map((column) => ({
      key: column.key,
      width: columnWidth(column, firstRows),
      style: column.type === "date" ? { numFmt: dateFormat } : {},
    }));
    if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    firstRows.forEach(writeRow);
  };

  let written = 0;
  for await (const registration of rows) {
    // Returning from for-await closes the source.
    if (output.destroyed) return;
    if (sample) {
      sample.push(registration);
      if (sample.length < sampleSize) continue;
      startSheet(sample);
      sample = null;
    } else {
      writeRow(registration);
    }
    written += 1;
    if (written % rowsPerTurn === 0) await nextLoopTurn();
    if (output.writableNeedDrain) await drainedOrClosed(output);
  }
  if (output.destroyed) return;
  if (sample) startSheet(sample);
  sheet.commit();
  await workbook.commit();
}

function cellValue(value: ExportCell, timeZone: string): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (value instanceof Date) return wallClockDate(value, timeZone);
  return value;
}

/**
 * Excel date cells have no time zone and exceljs converts a Date through its
 * UTC fields, so the instant becomes a Date whose UTC fields are the wall-clock
 * time in `timeZone`: 2025-09-10T12:00Z in Europe/Berlin → 2025-09-10T14:00Z.
 */
function wallClockDate(instant: Date, timeZone: string): Date {
  const zoned = new TZDate(instant.getTime(), timeZone);
  return new Date(
    Date.UTC(zoned.getFullYear(), zoned.getMonth(), zoned.getDate(), zoned.getHours(), zoned.getMinutes(), zoned.getSeconds(), zoned.getMilliseconds()),
  );
}

function columnWidth(column: ExportColumn, firstRows: ExportRow[]): number {
  // A bold header needs a little more room than its character count.
  const header = column.header.length + 3;
  const longestValue = firstRows.reduce((longest, registration) => Math.max(longest, displayLength(registration[column.key])), 0);
  return Math.min(Math.max(header, longestValue + 2, 8), 50);
}

function displayLength(value: ExportCell): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return dateFormat.length;
  if (typeof value === "boolean") return 6; // FALSCH
  if (typeof value === "number") return String(value).length;
  return Math.max(...value.split(/\r\n|\r|\n/).map((line) => line.length));
}

/** Excel rejects names longer than 31 characters, with []:*?/\ or with an apostrophe at either end. */
function worksheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, "-")
    .slice(0, 31)
    .replace(/^['\s]+|['\s]+$/g, "");
  if (!cleaned) throw new RangeError(`Not usable as a worksheet name: ${JSON.stringify(name)}`);
  return cleaned;
}

function drainedOrClosed(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.on("drain", done);
    stream.on("close", done);
  });
}
