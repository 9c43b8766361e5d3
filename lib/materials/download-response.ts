import "server-only";
import type { Actor } from "../auth/authorisation";
import { attachmentDisposition } from "../export/file-name";
import { countDownload } from "./count-download";
import { etagMatches, ifRangeAllows, parseRange } from "./http-range";
import { getMaterialFileForDownload } from "./queries";
import { materialStorage } from "./storage/postgres-storage";

const notFound = () => new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * GET /materialien/<id>: the file streamed from storage with its length, a
 * strong ETag (the SHA-256 of the bytes), 304 for a matching If-None-Match,
 * one byte range (206/416), the original name (RFC 6266/5987) and nosniff,
 * so the browser never runs an upload as something else.
 */
export async function materialDownloadResponse(currentActor: () => Promise<Actor | null>, id: string, request: Request): Promise<Response> {
  const file = await getMaterialFileForDownload(currentActor, id);
  if (!file) return notFound();
  const etag = `"${file.sha256}"`;
  const headers: Record<string, string> = {
    ETag: etag,
    "Accept-Ranges": "bytes",
    "Content-Type": file.mimeType,
    "Content-Disposition": attachmentDisposition(file.fileName),
    "X-Content-Type-Options": "nosniff",
    // Short, and revalidated: an unpublished workshop's file must stop being served soon.
    // An organiser's preview of a file not yet public is nobody else's to cache.
    "Cache-Control": file.isPublic ? "public, max-age=300, must-revalidate" : "private, no-store",
  };
  if (etagMatches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  if (request.method === "HEAD") return new Response(null, { status: 200, headers: { ...headers, "Content-Length": String(file.sizeBytes) } });

  const wanted = ifRangeAllows(request.headers.get("if-range"), etag) ? parseRange(request.headers.get("range"), file.sizeBytes) : ({ kind: "whole" } as const);
  if (wanted.kind === "unsatisfiable") {
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${file.sizeBytes}` } });
  }
  const storage = materialStorage();
  if (wanted.kind === "partial") {
    const { start, end } = wanted.range;
    return new Response(storage.get(file.storageKey, file.sizeBytes, wanted.range), {
      status: 206,
      headers: { ...headers, "Content-Length": String(end - start + 1), "Content-Range": `bytes ${start}-${end}/${file.sizeBytes}` },
    });
  }
  if (file.isPublic) await countDownload(file.id);
  return new Response(storage.get(file.storageKey, file.sizeBytes), { status: 200, headers: { ...headers, "Content-Length": String(file.sizeBytes) } });
}
