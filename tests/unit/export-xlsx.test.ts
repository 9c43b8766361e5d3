import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { registrationColumns, type ExportRow } from "@/lib/export/columns";
import { registrationsXlsx } from "@/lib/export/write-xlsx";

const columns = registrationColumns("de", [{ id: "diet", label: "Ernährung" }]);
const options = { timeZone: "Europe/Berlin", sheetName: "Anmeldungen" };
const injectionPayloads = ['=HYPERLINK("http://evil","x")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1:A2)", "\t=1", "\r=1"];

function registration(overrides: ExportRow = {}): ExportRow {
  return {
    registrationId: "9f1c2b64-3d4e-4f5a-8b6c-7d8e9f0a1b2c",
    workshop: 'Beteiligung "vor Ort", digital; Grundlagen',
    sessionStartsAt: new Date("2025-09-10T12:00:00Z"),
    status: "CONFIRMED",
    waitlistPosition: null,
    firstName: "Jürgen",
    lastName: "Groß-Öztürk",
    email: "j.gross@example.org",
    organisation: "Stadt Köln, Amt für Bürgerdienste; Abt. 3",
    role: "ADMINISTRATION",
    accessibilityNeeds: "Rollstuhl\nGebärdensprache",
    locale: "de",
    attended: true,
    consentedAt: new Date("2025-08-01T07:30:00Z"),
    privacyNoticeVersion: 3,
    registeredAt: new Date("2025-12-01T12:00:00Z"),
    "q:diet": "vegetarisch",
    ...overrides,
  };
}

async function* fromArray(rows: ExportRow[]) {
  yield* rows;
}

async function openInExcel(stream: Readable): Promise<ExcelJS.Worksheet> {
  const bytes = Buffer.concat(await stream.toArray());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("workbook has no worksheet");
  return sheet;
}

function cell(sheet: ExcelJS.Worksheet, row: number, key: string): ExcelJS.Cell {
  return sheet.getRow(row).getCell(columns.findIndex((column) => column.key === key) + 1);
}

async function settled(count: () => number): Promise<number> {
  let last = -1;
  let stable = 0;
  for (let poll = 0; poll < 500 && stable < 5; poll++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    stable = count() === last ? stable + 1 : 0;
    last = count();
  }
  return last;
}

describe("registrations workbook", () => {
  it("has one sheet named as asked, with the column headers in the first row", async () => {
    const sheet = await openInExcel(registrationsXlsx(fromArray([registration()]), columns, options));
    expect(sheet.name).toBe("Anmeldungen");
    expect(sheet.getRow(1).values).toEqual([undefined, ...columns.map((column) => column.header)]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it("keeps the header visible while scrolling and offers a filter on every column", async () => {
    const sheet = await openInExcel(registrationsXlsx(fromArray([registration()]), columns, options));
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBe("A1:Q1");
  });

  it("shows session times as real dates in Berlin local time, in summer and in winter", async () => {
    const sheet = await openInExcel(registrationsXlsx(fromArray([registration()]), columns, options));
    const start = cell(sheet, 2, "sessionStartsAt");
    expect(start.type).toBe(ExcelJS.ValueType.Date);
    expect(start.value).toEqual(new Date("2025-09-10T14:00:00Z"));
    expect(start.numFmt).toBe("dd.mm.yyyy hh:mm");
    expect(cell(sheet, 2, "registeredAt").value).toEqual(new Date("2025-12-01T13:00:00Z"));
  });

  it("stores counts as numbers and attendance as true/false so they can be summed and filtered", async () => {
    const rows = [registration({ waitlistPosition: 4, attended: false }), registration({ attended: null })];
    const sheet = await openInExcel(registrationsXlsx(fromArray(rows), columns, options));
    expect(cell(sheet, 2, "waitlistPosition").value).toBe(4);
    expect(cell(sheet, 2, "privacyNoticeVersion").type).toBe(ExcelJS.ValueType.Number);
    expect(cell(sheet, 2, "attended").value).toBe(false);
    expect(cell(sheet, 3, "attended").type).toBe(ExcelJS.ValueType.Null);
    expect(cell(sheet, 3, "waitlistPosition").type).toBe(ExcelJS.ValueType.Null);
  });

  it("gives back names and answers exactly, with umlauts, quotes and line breaks", async () => {
    const sheet = await openInExcel(registrationsXlsx(fromArray([registration()]), columns, options));
    expect(cell(sheet, 2, "lastName").value).toBe("Groß-Öztürk");
    expect(cell(sheet, 2, "workshop").value).toBe('Beteiligung "vor Ort", digital; Grundlagen');
    expect(cell(sheet, 2, "accessibilityNeeds").value).toBe("Rollstuhl\nGebärdensprache");
  });

  it("sizes columns so that e-mail addresses are readable", async () => {
    const sheet = await openInExcel(registrationsXlsx(fromArray([registration()]), columns, options));
    const email = sheet.getColumn(columns.findIndex((column) => column.key === "email") + 1);
    expect(email.width).toBeGreaterThanOrEqual("j.gross@example.org".length);
  });

  it("stores formula payloads in participants' answers as text cells, never as formulas, without a visible apostrophe", async () => {
    const rows = injectionPayloads.map((payload) => registration({ organisation: payload, "q:diet": payload }));
    const sheet = await openInExcel(registrationsXlsx(fromArray(rows), columns, options));
    injectionPayloads.forEach((payload, index) => {
      for (const key of ["organisation", "q:diet"]) {
        const stored = cell(sheet, index + 2, key);
        expect(stored.type).toBe(ExcelJS.ValueType.String);
        expect(stored.formula).toBeUndefined();
        // XML turns a lone carriage return into a line feed; everything else survives unchanged.
        expect(String(stored.value).replace(/\n/g, "\r")).toBe(payload.replace(/\n/g, "\r"));
      }
    });
  });

  it("wraps multi-line answers so their lines show apart, and leaves one-line cells alone", async () => {
    const sheet = await openInExcel(registrationsXlsx(fromArray([registration({ "q:diet": "vegetarisch\nohne Nüsse" })]), columns, options));
    expect(cell(sheet, 2, "q:diet").alignment?.wrapText).toBe(true);
    expect(cell(sheet, 2, "organisation").alignment?.wrapText).toBeFalsy();
  });

  it("stores a formula in an organiser's question label as a text header (a string cell, never a formula)", async () => {
    const risky = registrationColumns("de", [{ id: "x", label: "=1+1" }]);
    const sheet = await openInExcel(registrationsXlsx(fromArray([]), risky, options));
    const header = sheet.getRow(1).getCell(risky.length);
    expect(header.type).toBe(ExcelJS.ValueType.String);
    expect(header.value).toBe("=1+1");
  });

  it("keeps a worksheet name Excel would reject usable", async () => {
    const sheet = await openInExcel(registrationsXlsx(fromArray([]), columns, { ...options, sheetName: "Anmeldungen: Bürgerbeteiligung/Digitales 2025" }));
    expect(sheet.name).toBe("Anmeldungen- Bürgerbeteiligung-");
  });
});

describe("registrations workbook for large workshops", () => {
  // Like the CSV: the property is "every row, in order, in one file"; the
  // bench measures 100,000 rows (npm run bench, export).
  it("writes every registration of a larger workbook, once and in order", async () => {
    const total = 2_000;
    async function* many() {
      for (let index = 0; index < total; index++) yield registration({ registrationId: `r-${index}`, waitlistPosition: index });
    }
    const sheet = await openInExcel(registrationsXlsx(many(), columns, options));
    expect(sheet.rowCount).toBe(total + 1);
    const ids: unknown[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) ids.push(row.getCell(1).value);
    });
    expect(ids).toEqual(Array.from({ length: total }, (_, index) => `r-${index}`));
    expect(cell(sheet, total + 1, "waitlistPosition").value).toBe(total - 1);
  }, 30_000);

  it("reads registrations only as fast as the download goes, and releases them when it is aborted", async () => {
    const source = { pulled: 0, closed: false };
    async function* endless() {
      try {
        for (;;) {
          source.pulled += 1;
          yield registration({ waitlistPosition: source.pulled });
        }
      } finally {
        source.closed = true;
      }
    }
    const workbook = registrationsXlsx(endless(), columns, options);
    expect(await settled(() => source.pulled)).toBeLessThan(20_000);
    workbook.destroy();
    await settled(() => Number(source.closed));
    expect(source.closed).toBe(true);
  }, 30_000);

  it("fails the download instead of ending a truncated file when the registrations cannot be read", async () => {
    async function* broken() {
      yield registration();
      throw new Error("connection lost");
    }
    await expect(registrationsXlsx(broken(), columns, options).toArray()).rejects.toThrow("connection lost");
  });

  it("refuses an unknown time zone before sending anything", () => {
    expect(() => registrationsXlsx(fromArray([]), columns, { ...options, timeZone: "Europe/Bonn" })).toThrow(RangeError);
  });
});
