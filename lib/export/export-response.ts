import "server-only";
import { Readable } from "node:stream";
import { AuthorizationError, NotFoundError, type Actor } from "../auth/authorisation";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { isSameOriginRequest } from "../http/same-origin-request";
import { exportFilterEntries, parseExportFilter, parseExportFormat } from "./export-filter";
import { exportRegistrations } from "./export-registrations";
import { attachmentDisposition } from "./file-name";

/** The page with the export form; the download route posts back from it. */
export const EXPORT_PAGE_PATH = "/organisation/export";

const noStore = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };

function refusal(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...noStore } });
}

/** A form post of the export page is a few hundred bytes; anything far larger is not one. */
const MAX_FORM_BYTES = 16 * 1024;

/**
 * The download route's answer to the export page's form post: the file,
 * streamed. A POST, not a GET: every download writes an audit event, and a
 * link on another site must not be able to cause one (a cross-site
 * navigation carries the SameSite=Lax sign-in cookie, a cross-site POST does
 * not, and the Origin check refuses it besides). Anonymous visitors are sent
 * to sign in and then to the export page (a POST cannot be repeated), before
 * anything of the body is read;
 * anything the actor may not export is refused with 403 (and no rows), an
 * unknown session or workshop with 404, a missing format with 400.
 */
export async function registrationExportResponse(actor: Actor | null, request: Request, locale: Locale): Promise<Response> {
  const t = translator(locale, "export");
  if (!isSameOriginRequest(request)) return refusal(403, t("page.foreignOrigin"));
  if (!actor) {
    const signIn = new URL("/anmelden", request.url);
    signIn.searchParams.set("callbackUrl", EXPORT_PAGE_PATH);
    return seeOther(`${signIn.pathname}${signIn.search}`);
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_FORM_BYTES) return refusal(413, t("page.tooLarge"));
  const form = await formFields(request);
  const format = parseExportFormat(form.get("format"));
  if (!format) return refusal(400, t("page.noFormat"));
  try {
    const file = await exportRegistrations(actor, parseExportFilter(form), format, { locale });
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

/**
 * A GET of the download address (an old bookmark, a link from elsewhere)
 * downloads nothing and records nothing: it shows the export page with the
 * same selection.
 */
export function registrationExportPageRedirect(url: URL): Response {
  const page = new URLSearchParams(exportFilterEntries(parseExportFilter(url.searchParams)));
  return seeOther(page.size > 0 ? `${EXPORT_PAGE_PATH}?${page}` : EXPORT_PAGE_PATH);
}

async function formFields(request: Request): Promise<URLSearchParams> {
  const fields = new URLSearchParams();
  const form = await request.formData().catch(() => null);
  for (const [name, value] of form ?? []) if (typeof value === "string") fields.append(name, value);
  return fields;
}

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...noStore } });
}
