import "server-only";
import type { Readable } from "node:stream";
import { requireActor, type Actor } from "../auth/authorisation";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import type { ExportRow } from "./columns";
import type { ExportFilter, ExportFormat } from "./export-filter";
import { exportFileName } from "./file-name";
import { EXPORT_TIME_ZONE, exportRows, resolveExportScope } from "./query-registrations";
import { recordExportFinished, recordExportStarted } from "./record-export-audit";
import { registrationsCsv } from "./write-csv";
import { registrationsXlsx } from "./write-xlsx";

export type RegistrationExport = { fileName: string; contentType: string; body: Readable; auditEventId: string };

const contentTypes: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  "csv-semicolon": "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * The registrations the actor may see, filtered, as a streamed CSV or XLSX
 * file. Checks authorisation itself (see resolveExportScope: it throws
 * AuthorizationError or NotFoundError before anything is written) and records
 * the export in the audit trail, with the number of rows once the stream ends.
 */
export async function exportRegistrations(
  actor: Actor | null,
  filter: ExportFilter,
  format: ExportFormat,
  options: { locale: Locale; now?: Date; batchSize?: number },
): Promise<RegistrationExport> {
  const scope = await resolveExportScope(actor, filter, options.locale);
  const signedIn = requireActor(actor);
  const auditEventId = await recordExportStarted({ actor: signedIn, format, filter, reach: scope.reach });

  const source = exportRows(scope, { batchSize: options.batchSize });
  async function* counted(): AsyncGenerator<ExportRow> {
    let rows = 0;
    let completed = false;
    try {
      for await (const row of source) {
        rows += 1;
        yield row;
      }
      completed = true;
    } finally {
      await recordExportFinished(auditEventId, rows, completed).catch((error: unknown) => {
        console.error(`export ${auditEventId}: could not record the row count`, error instanceof Error ? error.message : error);
      });
    }
  }

  const t = translator(options.locale, "export");
  const body =
    format === "xlsx"
      ? registrationsXlsx(counted(), scope.columns, { timeZone: EXPORT_TIME_ZONE, sheetName: t("sheetName") })
      : registrationsCsv(counted(), scope.columns, { delimiter: format === "csv-semicolon" ? ";" : ",", timeZone: EXPORT_TIME_ZONE, locale: options.locale });
  const fileName = exportFileName({
    base: t("fileName"),
    // The two CSV variants must not overwrite each other in a downloads folder.
    scope: [scope.workshopSlug ?? t("allScope"), ...(format === "csv-semicolon" ? [t("semicolonVariant")] : [])].join("_"),
    extension: format === "xlsx" ? "xlsx" : "csv",
    at: options.now ?? new Date(),
    timeZone: EXPORT_TIME_ZONE,
  });
  return { fileName, contentType: contentTypes[format], body, auditEventId };
}
