import "server-only";

export type LimitedBody = { ok: true; text: string } | { ok: false; reason: "too-large" | "unreadable" };
export type LimitedBytes = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: "too-large" | "unreadable" };

/**
 * Reads a request body, but never more than `limitBytes` of it: a declared
 * Content-Length above the limit is refused before a byte is read, and a
 * body without one (chunked) or with a false one is read with a byte counter
 * and cancelled once it passes the limit. A large body then costs the server
 * at most the limit in memory, not its whole size.
 */
export async function readLimitedBytes(request: Request, limitBytes: number): Promise<LimitedBytes> {
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > limitBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { ok: false, reason: "too-large" };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limitBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: "too-large" };
      }
      chunks.push(value);
    }
  } catch {
    // The client went away mid-body.
    return { ok: false, reason: "unreadable" };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** readLimitedBytes as UTF-8 text; a body that is not valid UTF-8 is unreadable. */
export async function readLimitedBody(request: Request, limitBytes: number): Promise<LimitedBody> {
  const read = await readLimitedBytes(request, limitBytes);
  if (!read.ok) return read;
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(read.bytes) };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

/**
 * Whether the request declares a JSON body: `application/json`, with at most
 * a UTF-8 charset. A cross-site page can send text/plain or form bodies
 * without a CORS preflight; it cannot send this type without one.
 */
export function declaresJson(contentType: string | null): boolean {
  if (!contentType) return false;
  const [mediaType, ...parameters] = contentType.split(";");
  if (mediaType!.trim().toLowerCase() !== "application/json") return false;
  return parameters.every((parameter) => {
    const [name, value = ""] = parameter.split("=");
    if (name!.trim().toLowerCase() !== "charset") return true;
    return /^"?utf-8"?$/i.test(value.trim());
  });
}
