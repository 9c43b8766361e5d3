// The launcher's side of the public page cache (lib/http/public-page-cache.ts):
// answers from the cache, or lets exactly one request per page and language
// through to Next.js, takes its answer apart and shares it. Pages without
// client code go out as plain documents, shared or not (docs/decisions/0036).
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import {
  PublicPageCache,
  cachedPageAnswer,
  cachedPageFrom,
  isDocumentPage,
  isPrivateDocumentRequest,
  privateDocumentFrom,
  publicPageKey,
  type CachedPage,
} from "./public-page-cache";

type Handle = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export function servePublicPages(handle: Handle, freshMs: number): Handle {
  const cache = freshMs > 0 ? new PublicPageCache(freshMs) : null;
  // Commands that change public content in this process clear it (lib/cache/forget-public-content.ts).
  if (cache) (globalThis as { komma_public_pages?: PublicPageCache }).komma_public_pages = cache;
  return async (request, response) => {
    const key = publicPageKey(request.method, request.url, request.headers);
    if (!key) {
      if (!isPrivateDocumentRequest(request.method, request.url, request.headers)) return handle(request, response);
      return void (await renderAndCapture(request, response, handle, "private document"));
    }
    const capture = isDocumentPage(key) ? "document" : "page";
    // Without the cache (PUBLIC_PAGE_CACHE_MS=0, the e2e server) a document still goes out as visitors get it.
    if (!cache) return capture === "document" ? void (await renderAndCapture(request, response, handle, capture)) : handle(request, response);
    const found = cache.lookup(key);
    const inProgress = cache.renderingOf(key);
    // A copy a little older than fresh is fine while somebody is rendering the next one.
    if (found && (found.fresh || inProgress)) return send(response, found.page, request);
    if (inProgress) {
      const page = await inProgress;
      return page ? send(response, page, request) : handle(request, response);
    }
    await cache.render(key, renderAndCapture(request, response, handle, capture));
  };
}

function send(response: ServerResponse, page: CachedPage, request: IncomingMessage): void {
  const answer = cachedPageAnswer(page, request.headers);
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
}

/**
 * Runs the request through Next.js with its writes held back; a shareable
 * page is sent as the cache will send it, anything else exactly as Next.js
 * answered (uncompressed: Accept-Encoding was taken away so the page could be read).
 */
/** A shared page with its client code, a shared page as a document, or one visitor's page as a document (never shared). */
type Capture = "page" | "document" | "private document";

function renderAndCapture(request: IncomingMessage, response: ServerResponse, handle: Handle, capture: Capture): Promise<CachedPage | null> {
  const requestHeaders = { ...request.headers };
  delete request.headers["accept-encoding"];
  const original = { writeHead: response.writeHead, write: response.write, end: response.end, flushHeaders: response.flushHeaders };
  const restore = () => Object.assign(response, original);
  const chunks: Buffer[] = [];
  let status: number | undefined;
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    chunks.push(
      Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === "string"
          ? Buffer.from(chunk, (typeof encoding === "string" ? encoding : "utf8") as BufferEncoding)
          : Buffer.from(chunk as Uint8Array),
    );
  };
  const callbackOf = (...args: unknown[]) => args.find((arg): arg is () => void => typeof arg === "function");

  return new Promise<CachedPage | null>((resolve) => {
    response.once("close", () => {
      restore();
      resolve(null);
    });
    response.flushHeaders = () => {};
    response.writeHead = ((code: number, ...rest: unknown[]) => {
      status = code;
      const headers = rest.find((arg): arg is OutgoingHttpHeaders => typeof arg === "object" && arg !== null && !Array.isArray(arg));
      for (const [name, value] of Object.entries(headers ?? {})) if (value !== undefined) response.setHeader(name, value);
      return response;
    }) as ServerResponse["writeHead"];
    response.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      queueMicrotask(() => callbackOf(...rest)?.());
      return true;
    }) as ServerResponse["write"];
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      restore();
      const body = Buffer.concat(chunks);
      const code = status ?? response.statusCode;
      if (capture === "private document") {
        const answer = privateDocumentFrom(code, response.getHeaders(), body);
        for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) response.setHeader(name, value);
        response.statusCode = code;
        response.end(answer.body);
        callbackOf(chunk, ...rest)?.();
        resolve(null);
        return response;
      }
      const page = cachedPageFrom(code, response.getHeaders(), body, Date.now(), { document: capture === "document" });
      if (page) {
        for (const name of response.getHeaderNames()) if (name !== "x-request-id" && name !== "strict-transport-security") response.removeHeader(name);
        send(response, page, { headers: requestHeaders } as IncomingMessage);
      } else {
        response.statusCode = code;
        response.end(body);
      }
      callbackOf(chunk, ...rest)?.();
      resolve(page);
      return response;
    }) as ServerResponse["end"];
    handle(request, response).catch(() => {
      restore();
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      if (!response.writableEnded) response.end();
      resolve(null);
    });
  });
}
