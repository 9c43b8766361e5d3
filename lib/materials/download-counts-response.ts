import "server-only";
import type { Actor } from "../auth/authorisation";
import { attachmentDisposition, exportFileName } from "../export/file-name";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { downloadCountsCsv, listDownloadCounts } from "./download-counts";

export async function downloadCountsResponse(actor: Actor | null, locale: Locale): Promise<Response> {
  if (!actor)
    return new Response(`${translator(locale, "organiser")("outcome.forbidden")}\n`, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const csv = downloadCountsCsv(await listDownloadCounts(actor), locale);
  const fileName = exportFileName({ base: translator(locale, "organiser")("materials.csv.file"), extension: "csv", at: new Date(), timeZone: "Europe/Berlin" });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
