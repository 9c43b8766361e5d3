import "server-only";
import { Readable } from "node:stream";
import { AuthorizationError, NotFoundError, type Actor } from "../auth/authorisation";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { parseExportFilter, parseExportFormat } from "./export-filter";
import { exportRegistrations } from "./export-registrations";
import { attachmentDisposition } from "./file-name";

const noStore = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };

function refusal(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...noStore } });
}

/**
 * The download route's answer: the file, streamed; anonymous visitors are sent
 * to sign in; anything the actor may not export is refused with 403 (and no
 * rows), an unknown session or workshop with 404, a missing format with 400.
 */
export async function registrationExportResponse(actor: Actor | null, url: URL, locale: Locale): Promise<Response> {
  const t = translator(locale, "export");
  if (!actor) {
    const signIn = new URL("/anmelden", url);
    signIn.searchParams.set("callbackUrl", `${url.pathname}${url.search}`);
    return new Response(null, { status: 303, headers: { Location: `${signIn.pathname}${signIn.search}`, ...noStore } });
  }
  const format = parseExportFormat(url.searchParams.get("format"));
  if (!format) return refusal(400, t("page.noFormat"));
  try {
    const file = await exportRegistrations(actor, parseExportFilter(url.searchParams), format, { locale });
    return new Response(Readable.toWeb(file.body) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": attachmentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        ...noStore,
      },
    });
  } catch (error) {
    if (error instanceof AuthorizationError) return refusal(403, t("page.forbidden"));
    if (error instanceof NotFoundError) return refusal(404, t("page.notFound"));
    throw error;
  }
}
