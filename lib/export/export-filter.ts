// What a registration export selects, read from a query string (the export
// page's GET form and the download route share it). Pure; unknown or
// malformed values are dropped rather than refused, so a stale bookmark
// still downloads something sensible.
import { z } from "zod";
import { uuidField } from "../input/uuid";

export const exportFormats = ["csv", "csv-semicolon", "xlsx"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportStatuses = ["CONFIRMED", "WAITLISTED", "PENDING", "CANCELLED", "REJECTED"] as const;
export type ExportStatus = (typeof exportStatuses)[number];

const optionalUuid = uuidField("invalid").optional().catch(undefined);
const optionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
  .optional()
  .catch(undefined);

export const exportFilterSchema = z.object({
  programmeId: optionalUuid,
  workshopId: optionalUuid,
  sessionId: optionalUuid,
  status: z.enum(exportStatuses).optional().catch(undefined),
  /** Sessions starting on or after this day (Europe/Berlin), "yyyy-MM-dd". */
  from: optionalDate,
  /** Sessions starting on or before this day (Europe/Berlin), "yyyy-MM-dd". */
  to: optionalDate,
});

export type ExportFilter = z.output<typeof exportFilterSchema>;

function single(value: string | string[] | null | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === null || first === undefined || first === "" ? undefined : first;
}

/** From a page's searchParams or a URL's. */
export function parseExportFilter(params: URLSearchParams | Record<string, string | string[] | undefined>): ExportFilter {
  const read = (name: string) => single(params instanceof URLSearchParams ? params.get(name) : params[name]);
  return exportFilterSchema.parse({
    programmeId: read("programmeId"),
    workshopId: read("workshopId"),
    sessionId: read("sessionId"),
    status: read("status"),
    from: read("from"),
    to: read("to"),
  });
}

export function parseExportFormat(value: string | null | undefined): ExportFormat | null {
  return (exportFormats as readonly string[]).includes(value ?? "") ? (value as ExportFormat) : null;
}

/** The filter as query parameters, empty ones left out (for links and the audit trail). */
export function exportFilterEntries(filter: ExportFilter): [string, string][] {
  return Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "");
}
