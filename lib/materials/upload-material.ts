import "server-only";
import { Readable } from "node:stream";
import busboy from "busboy";
import { recordAudit } from "../audit/record-audit";
import { AuthorizationError, NotFoundError, type Actor } from "../auth/authorisation";
import { isUuid } from "../input/uuid";
import { db } from "../db";
import { env } from "../env";
import { materialFileSchema } from "../workshops/schema";
import { availableFromInstant, nextMaterialPosition } from "./add-material";
import { fileExtension, judgeFile, type FileVerdict } from "./file-kinds";
import { sanitiseFileName } from "./file-name";
import { assertCanManageOwner, type MaterialOwner } from "./material-access";
import { SNIFF_BYTES, sniffFileKind } from "./sniff-file";
import { StoredFileTooLargeError } from "./storage/material-storage";
import { materialStorage } from "./storage/postgres-storage";
import { officeKindOfEntries, ZIP_TAIL_BYTES, zipEntryNames } from "./zip-entries";
import { forgetPublicContent } from "../cache/forget-public-content";

export type UploadRefusal =
  "forbidden" | "not-found" | "upload-invalid" | "file-missing" | "file-too-large" | "file-type-refused" | "file-type-mismatch" | "material-invalid";
export type UploadOutcome = { owner: MaterialOwner | null } & ({ ok: true; materialId: string } | { ok: false; code: UploadRefusal });

/** The longest an upload may keep its transaction open (a slow connection with a large file). */
const UPLOAD_TRANSACTION_MS = 15 * 60_000;

function ownerOf(fields: Record<string, string>): MaterialOwner | null {
  if (fields.workshopId && isUuid(fields.workshopId)) return { workshopId: fields.workshopId };
  if (fields.instrumentId && isUuid(fields.instrumentId)) return { instrumentId: fields.instrumentId };
  return null;
}

/** Reads pieces until at least `bytes` are there (or the file ended): the sample to judge the content by. */
async function readSample(iterator: AsyncIterator<Uint8Array>, bytes: number): Promise<{ pieces: Uint8Array[]; sample: Uint8Array }> {
  const pieces: Uint8Array[] = [];
  let length = 0;
  while (length < bytes) {
    const next = await iterator.next();
    if (next.done) break;
    pieces.push(next.value);
    length += next.value.byteLength;
  }
  return { pieces, sample: Buffer.concat(pieces).subarray(0, bytes) };
}

/** The sample's pieces, then the rest as it arrives; past the limit busboy truncates and this throws. */
async function* wholeFile(
  pieces: Uint8Array[],
  iterator: AsyncIterator<Uint8Array>,
  file: { truncated?: boolean },
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  yield* pieces;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  if (file.truncated) throw new StoredFileTooLargeError(maxBytes);
}

/** A verdict reached only once the whole file is stored: the transaction is rolled back. */
class RefusedAfterStorage extends Error {
  constructor(readonly code: Extract<FileVerdict, { ok: false }>["code"]) {
    super(`Upload refused after storage: ${code}`);
  }
}

/** Passes the pieces on and keeps the last `bytes` of them, for reading a zip's central directory afterwards. */
async function* keepingTail(source: AsyncIterable<Uint8Array>, bytes: number, kept: { tail: Uint8Array }): AsyncGenerator<Uint8Array> {
  let pieces: Uint8Array[] = [];
  let length = 0;
  for await (const piece of source) {
    yield piece;
    pieces.push(piece);
    length += piece.byteLength;
    while (pieces.length > 1 && length - pieces[0]!.byteLength >= bytes) length -= pieces.shift()!.byteLength;
  }
  const joined = Buffer.concat(pieces);
  pieces = [];
  kept.tail = joined.subarray(Math.max(0, joined.byteLength - bytes));
}

/** Names that claim an Office Open XML document: a plain zip sample may still be one (see zip-entries.ts). */
const officeExtensions = new Set(["docx", "xlsx", "pptx"]);

async function storeFile(
  actor: Actor | null,
  fields: Record<string, string>,
  file: Readable & { truncated?: boolean },
  rawName: string,
  maxBytes: number,
): Promise<UploadOutcome> {
  const owner = ownerOf(fields);
  if (!owner) return { owner, ok: false, code: "upload-invalid" };
  await assertCanManageOwner(actor, owner);
  if (!rawName) return { owner, ok: false, code: "file-missing" };
  const parsed = materialFileSchema.safeParse(fields);
  if (!parsed.success) return { owner, ok: false, code: "material-invalid" };
  const fileName = sanitiseFileName(rawName);

  const iterator = file[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  const { pieces, sample } = await readSample(iterator, SNIFF_BYTES);
  if (sample.byteLength === 0) return { owner, ok: false, code: "file-missing" };
  const detected = await sniffFileKind(sample);
  // A zip named .docx/.xlsx/.pptx whose identifying entries lie beyond the
  // sample (LibreOffice writes them last) is judged by its central directory
  // once it is stored, inside the transaction: refused, it leaves nothing.
  const judgeAtEnd = detected === "zip" && officeExtensions.has(fileExtension(fileName));
  const verdict = judgeAtEnd ? null : judgeFile(fileName, detected);
  if (verdict && !verdict.ok) return { owner, ok: false, code: verdict.code };

  const input = parsed.data;
  try {
    return await db
      .$transaction(
        async (tx) => {
          const signedIn = await assertCanManageOwner(actor, owner, tx);
          const kept = { tail: new Uint8Array() };
          const bytes = wholeFile(pieces, iterator, file, maxBytes);
          const stored = await materialStorage().put(tx, judgeAtEnd ? keepingTail(bytes, ZIP_TAIL_BYTES, kept) : bytes, { maxBytes });
          const final = verdict ?? judgeFile(fileName, officeKindOfEntries(zipEntryNames(kept.tail, stored.size) ?? []));
          if (!final.ok) throw new RefusedAfterStorage(final.code);
          const { mimeType } = final;
          const material = await tx.material.create({
            data: {
              ...owner,
              position: await nextMaterialPosition(tx, owner),
              title: input.title,
              titleEn: input.titleEn,
              language: input.language,
              availableFrom: availableFromInstant(input.availableFrom),
              fileName,
              mimeType,
              sizeBytes: stored.size,
              sha256: stored.sha256,
              storageKey: stored.key,
            },
            select: { id: true },
          });
          await recordAudit(tx, {
            actor: signedIn,
            action: "material.upload",
            subjectType: "material",
            subjectId: material.id,
            details: { ...owner, title: input.title, fileName, mimeType, sizeBytes: stored.size, sha256: stored.sha256 },
          });
          return { owner, ok: true as const, materialId: material.id };
        },
        { timeout: UPLOAD_TRANSACTION_MS, maxWait: 10_000 },
      )
      .then(forgetPublicContent);
  } catch (error) {
    if (error instanceof StoredFileTooLargeError) return { owner, ok: false, code: "file-too-large" };
    if (error instanceof RefusedAfterStorage) return { owner, ok: false, code: error.code };
    throw error;
  }
}

/**
 * An organiser's upload (multipart/form-data: workshopId or instrumentId,
 * title, language, availableFrom, then the file), streamed: the body is
 * parsed as it arrives, the content is judged by its first bytes, and the
 * bytes go to storage chunk by chunk inside one transaction with the
 * material row and its audit event, so a refused, too large or broken
 * upload leaves nothing behind. Fields must come before the file (browsers
 * send them in the form's order).
 */
export async function uploadMaterial(actor: Actor | null, request: Request, maxBytes = env().MATERIAL_MAX_BYTES): Promise<UploadOutcome> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !/^multipart\/form-data/i.test(contentType)) return { owner: null, ok: false, code: "upload-invalid" };
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      // Browsers send the file name as raw UTF-8: umlauts stay umlauts.
      defParamCharset: "utf8",
      // busboy marks a file truncated when it reaches the limit: one byte more lets a file of exactly maxBytes through.
      limits: { files: 1, fileSize: maxBytes + 1, fields: 10, fieldSize: 20_000, parts: 12 },
    });
  } catch {
    return { owner: null, ok: false, code: "upload-invalid" };
  }
  const fields: Record<string, string> = {};
  let stored: Promise<UploadOutcome> | null = null;

  const finished = new Promise<UploadOutcome>((resolve, reject) => {
    parser.on("field", (name, value) => {
      fields[name] = value;
    });
    parser.on("file", (name, file, info) => {
      if (stored || name !== "file") {
        file.resume();
        return;
      }
      stored = storeFile(actor, { ...fields }, file, info.filename ?? "", maxBytes).finally(() => file.resume());
      // Handled when the parser closes; this only keeps an early rejection from counting as unhandled.
      stored.catch(() => undefined);
    });
    parser.on("close", () => {
      if (stored) stored.then(resolve, reject);
      else resolve({ owner: ownerOf(fields), ok: false, code: "file-missing" });
    });
    parser.on("error", (error) => {
      if (stored) stored.then(resolve, () => resolve({ owner: ownerOf(fields), ok: false, code: "upload-invalid" }));
      else resolve({ owner: ownerOf(fields), ok: false, code: "upload-invalid" });
      void error;
    });
  });

  const body = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>);
  body.on("error", (error) => parser.destroy(error));
  body.pipe(parser);
  try {
    return await finished;
  } catch (error) {
    if (error instanceof AuthorizationError) return { owner: ownerOf(fields), ok: false, code: "forbidden" };
    if (error instanceof NotFoundError) return { owner: ownerOf(fields), ok: false, code: "not-found" };
    throw error;
  }
}
