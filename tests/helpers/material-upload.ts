// Multipart bodies as a browser sends them, streamed in pieces, for the upload tests.
import { randomUUID } from "node:crypto";

export type UploadFile = { name: string; type?: string; content: Uint8Array | (() => AsyncGenerator<Uint8Array>) };

export function uploadRequest(
  fields: Record<string, string>,
  file: UploadFile | null,
  options: { origin?: string; url?: string; fileField?: string } = {},
): Request {
  const boundary = `----komma${randomUUID().replace(/-/g, "")}`;
  const encoder = new TextEncoder();
  async function* parts(): AsyncGenerator<Uint8Array> {
    for (const [name, value] of Object.entries(fields)) {
      yield encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
    }
    if (file) {
      // Browsers put the name's raw UTF-8 in the quoted filename parameter.
      yield encoder.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="${options.fileField ?? "file"}"; filename="${file.name.replace(/"/g, "%22")}"\r\nContent-Type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
      );
      if (typeof file.content === "function") yield* file.content();
      else yield file.content;
      yield encoder.encode("\r\n");
    }
    yield encoder.encode(`--${boundary}--\r\n`);
  }
  const iterator = parts();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
  return new Request(options.url ?? "http://localhost:3000/organisation/materialien/hochladen", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, origin: options.origin ?? "http://localhost:3000" },
    body,
    duplex: "half",
  } as RequestInit);
}

/** Deterministic bytes that start like a PDF, in pieces of `piece` bytes. */
export function pdfLikeBytes(size: number, piece = 64 * 1024): () => AsyncGenerator<Uint8Array> {
  return async function* () {
    const header = new TextEncoder().encode("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
    let sent = 0;
    while (sent < size) {
      const length = Math.min(piece, size - sent);
      const bytes = new Uint8Array(length);
      for (let index = 0; index < length; index += 1) bytes[index] = (sent + index) % 251;
      if (sent === 0) bytes.set(header.subarray(0, Math.min(header.length, length)));
      sent += length;
      yield bytes;
    }
  };
}

export async function collect(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array> | ReadableStream<Uint8Array>): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  for await (const piece of source as AsyncIterable<Uint8Array>) pieces.push(piece);
  return Buffer.concat(pieces);
}
