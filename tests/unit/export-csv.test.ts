import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { registrationColumns, type ExportRow } from "@/lib/export/columns";
import { registrationsCsv } from "@/lib/export/write-csv";

const columns = registrationColumns("de", [{ id: "diet", label: "Ernährung" }]);
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
    "q:diet": "vegetarisch\r\nkeine Nüsse",
    ...overrides,
  };
}

async function* fromArray(rows: ExportRow[]) {
  yield* rows;
}

async function download(stream: Readable): Promise<Buffer> {
  return Buffer.concat(await stream.toArray());
}

function parseCsv(bytes: Buffer, delimiter: string): string[][] {
  return parse(bytes, { bom: true, delimiter, relax_column_count: false }) as string[][];
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

describe.each([",", ";"] as const)("registrations CSV with %j between cells", (delimiter) => {
  const options = { delimiter, timeZone: "Europe/Berlin", locale: "de" } as const;

  it("opens in Excel with umlauts intact: UTF-8 byte-order mark first", async () => {
    const bytes = await download(registrationsCsv(fromArray([registration()]), columns, options));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("starts with the column headers and ends every record with CRLF", async () => {
    const bytes = await download(registrationsCsv(fromArray([registration()]), columns, options));
    const text = bytes.toString("utf8").slice(1);
    expect(text.startsWith(columns.map((column) => column.header).join(delimiter) + "\r\n")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parseCsv(bytes, delimiter)[0]).toEqual(columns.map((column) => column.header));
  });

  it("gives back every name and answer exactly, with umlauts, quotes, commas, semicolons and line breaks", async () => {
    const original = registration();
    const [, row] = parseCsv(await download(registrationsCsv(fromArray([original]), columns, options)), delimiter);
    const byKey = Object.fromEntries(columns.map((column, index) => [column.key, row?.[index]]));
    expect(byKey).toMatchObject({
      workshop: 'Beteiligung "vor Ort", digital; Grundlagen',
      firstName: "Jürgen",
      lastName: "Groß-Öztürk",
      organisation: "Stadt Köln, Amt für Bürgerdienste; Abt. 3",
      accessibilityNeeds: "Rollstuhl\nGebärdensprache",
      "q:diet": "vegetarisch\r\nkeine Nüsse",
    });
    expect(row).toHaveLength(columns.length);
  });

  it("shows times in Berlin local time, in summer and in winter", async () => {
    const [, row] = parseCsv(await download(registrationsCsv(fromArray([registration()]), columns, options)), delimiter);
    const byKey = Object.fromEntries(columns.map((column, index) => [column.key, row?.[index]]));
    expect(byKey.sessionStartsAt).toBe("2025-09-10 14:00");
    expect(byKey.consentedAt).toBe("2025-08-01 09:30");
    expect(byKey.registeredAt).toBe("2025-12-01 13:00");
  });

  it("writes counts as plain numbers, attendance as ja/nein and missing values as empty cells", async () => {
    const rows = [registration({ attended: true }), registration({ attended: false, waitlistPosition: 4 }), registration({ attended: null })];
    const [, ...records] = parseCsv(await download(registrationsCsv(fromArray(rows), columns, options)), delimiter);
    const attended = columns.findIndex((column) => column.key === "attended");
    const position = columns.findIndex((column) => column.key === "waitlistPosition");
    const version = columns.findIndex((column) => column.key === "privacyNoticeVersion");
    expect(records.map((record) => record[attended])).toEqual(["ja", "nein", ""]);
    expect(records.map((record) => record[position])).toEqual(["", "4", ""]);
    expect(records[0]?.[version]).toBe("3");
  });

  it("makes formula payloads in participants' answers inert", async () => {
    const rows = injectionPayloads.map((payload) => registration({ organisation: payload, "q:diet": payload }));
    const [, ...records] = parseCsv(await download(registrationsCsv(fromArray(rows), columns, options)), delimiter);
    const organisation = columns.findIndex((column) => column.key === "organisation");
    const answer = columns.findIndex((column) => column.key === "q:diet");
    expect(records.map((record) => record[organisation])).toEqual(injectionPayloads.map((payload) => `'${payload}`));
    expect(records.map((record) => record[answer])).toEqual(injectionPayloads.map((payload) => `'${payload}`));
  });

  it("makes a formula in an organiser's question label inert", async () => {
    const risky = registrationColumns("de", [{ id: "x", label: "=1+1" }]);
    const [header] = parseCsv(await download(registrationsCsv(fromArray([]), risky, options)), delimiter);
    expect(header?.at(-1)).toBe("'=1+1");
  });
});

describe("registrations CSV for large workshops", () => {
  const options = { delimiter: ";", timeZone: "Europe/Berlin", locale: "en" } as const;

  // The property is "a file many times the size of the stream's buffers comes
  // out whole and in order"; 2,000 rows (about 0.6 MB, over thirty 16 KB
  // chunks) show it in well under a second even on a loaded machine. Time and
  // memory for 100,000 rows are measured by the bench (npm run bench, export).
  it("writes every registration of a file many stream buffers long, once and in order", async () => {
    const total = 2_000;
    async function* many() {
      for (let index = 0; index < total; index++) yield registration({ registrationId: `r-${index}`, attended: index % 2 === 0 });
    }
    const bytes = await download(registrationsCsv(many(), columns, options));
    expect(bytes.length).toBeGreaterThan(30 * 16 * 1024);
    const records = parseCsv(bytes, ";");
    expect(records).toHaveLength(total + 1);
    expect(records.slice(1).map((record) => record[0])).toEqual(Array.from({ length: total }, (_, index) => `r-${index}`));
    expect(records.at(-1)?.[columns.findIndex((column) => column.key === "attended")]).toBe("no");
  });

  it("reads registrations only as fast as the download goes, and releases them when it is aborted", async () => {
    const source = { pulled: 0, closed: false };
    async function* endless() {
      try {
        for (;;) {
          source.pulled += 1;
          yield registration();
        }
      } finally {
        source.closed = true;
      }
    }
    const csv = registrationsCsv(endless(), columns, options);
    expect(await settled(() => source.pulled)).toBeLessThan(1_000);
    csv.destroy();
    await settled(() => Number(source.closed));
    expect(source.closed).toBe(true);
  });

  it("fails the download instead of ending a truncated file when the registrations cannot be read", async () => {
    async function* broken() {
      yield registration();
      throw new Error("connection lost");
    }
    await expect(download(registrationsCsv(broken(), columns, options))).rejects.toThrow("connection lost");
  });

  it("refuses an unknown time zone before sending anything", () => {
    expect(() => registrationsCsv(fromArray([]), columns, { ...options, timeZone: "Europe/Bonn" })).toThrow(RangeError);
  });
});
