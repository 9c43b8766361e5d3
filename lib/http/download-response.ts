import "server-only";
import { Readable } from "node:stream";
import { AuthorizationError, NotFoundError, type Actor } from "../auth/authorisation";
import { attachmentDisposition } from "../export/file-name";
import { isSameOriginRequest } from "./same-origin-request";

/**
 * The shared parts of the organiser's audited downloads (registration export,
 * funder report, evaluation export, certificates): each is a form POST,
 * because every download writes an audit event and a link on another site
 * must not be able to cause one. Nothing of a download is cached.
 */
export const downloadNoStore = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" } as const;

/** A plain-text refusal of a download request. */
export function downloadRefusal(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...downloadNoStore } });
}

/** A redirect away from a download address (to sign in, back to the form). */
export function downloadSeeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, ...downloadNoStore } });
}

export type DownloadPostTexts = {
  /** The refusal of a post from another site (403). */
  foreignOrigin: string;
  /** The refusal of a body larger than maxFormBytes (413); only with maxFormBytes. */
  tooLarge?: string;
};

export type DownloadPostGuard = { ok: true; actor: Actor; form: URLSearchParams } | { ok: false; response: Response };

/**
 * The guard before a download: a post from another site is refused with 403,
 * an anonymous visitor is sent to sign in and then to returnTo (a POST cannot
 * be repeated) before anything of the body is read, a body over maxFormBytes
 * (when given) is refused with 413; otherwise the form's text fields.
 */
export async function guardDownloadPost(
  actor: Actor | null,
  request: Request,
  options: { returnTo: string; texts: DownloadPostTexts; maxFormBytes?: number },
): Promise<DownloadPostGuard> {
  if (!isSameOriginRequest(request)) return { ok: false, response: downloadRefusal(403, options.texts.foreignOrigin) };
  if (!actor) return { ok: false, response: downloadSeeOther(`/anmelden?${new URLSearchParams({ callbackUrl: options.returnTo })}`) };
  if (options.maxFormBytes !== undefined && Number(request.headers.get("content-length") ?? 0) > options.maxFormBytes)
    return { ok: false, response: downloadRefusal(413, options.texts.tooLarge ?? "") };
  const form = new URLSearchParams();
  for (const [name, value] of (await request.formData().catch(() => null)) ?? []) if (typeof value === "string") form.append(name, value);
  return { ok: true, actor, form };
}

/** The downloaded file: an attachment, never sniffed, never cached. */
export function fileResponse(file: { body: Readable | Uint8Array; contentType: string; fileName: string }): Response {
  const body = file.body instanceof Readable ? (Readable.toWeb(file.body) as ReadableStream<Uint8Array>) : new Uint8Array(file.body);
  return new Response(body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      ...downloadNoStore,
    },
  });
}

/**
 * The refusal for what the download command threw: 403 for what the actor
 * may not see (and no bytes), 404 for an unknown workshop or session;
 * anything else is rethrown.
 */
export function downloadFailure(error: unknown, texts: { forbidden: string; notFound: string }): Response {
  if (error instanceof AuthorizationError) return downloadRefusal(403, texts.forbidden);
  if (error instanceof NotFoundError) return downloadRefusal(404, texts.notFound);
  throw error;
}
