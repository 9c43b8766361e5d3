import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client";
import { db } from "../../db";
import { StoredFileTooLargeError, type ByteRange, type MaterialStorage, type StoredObject } from "./material-storage";

/**
 * Rows of at most 256 KiB: large enough that a 25 MB file is 100 inserts,
 * small enough that neither an upload nor a download holds more than a chunk
 * or two in memory (and far below the 1 GB bytea limit and TOAST's sweet spot).
 */
export const CHUNK_BYTES = 256 * 1024;

async function writeChunk(tx: Prisma.TransactionClient, key: string, index: number, data: Uint8Array): Promise<void> {
  await tx.$executeRaw`INSERT INTO "material_chunks" ("storageKey", "index", "data") VALUES (${key}::uuid, ${index}, ${data})`;
}

async function readChunk(key: string, index: number, from: number, length: number): Promise<Uint8Array> {
  // substring() on the server: only the bytes asked for cross the wire.
  const rows = await db.$queryRaw<{ data: Uint8Array }[]>`
    SELECT substring("data" FROM ${from + 1}::int FOR ${length}::int) AS "data"
    FROM "material_chunks" WHERE "storageKey" = ${key}::uuid AND "index" = ${index}`;
  const data = rows[0]?.data;
  if (!data || data.byteLength !== length) throw new Error(`Material chunk ${key}/${index} is missing or short`);
  return data;
}

export const postgresStorage: MaterialStorage = {
  async put(tx, source, { maxBytes }): Promise<StoredObject> {
    const key = randomUUID();
    const hash = createHash("sha256");
    let size = 0;
    let index = 0;
    let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let filled = 0;
    for await (const piece of source) {
      size += piece.byteLength;
      if (size > maxBytes) throw new StoredFileTooLargeError(maxBytes);
      hash.update(piece);
      let offset = 0;
      while (offset < piece.byteLength) {
        const take = Math.min(CHUNK_BYTES - filled, piece.byteLength - offset);
        chunk.set(piece.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        if (filled === CHUNK_BYTES) {
          await writeChunk(tx, key, index++, chunk);
          chunk = Buffer.allocUnsafe(CHUNK_BYTES);
          filled = 0;
        }
      }
    }
    if (filled > 0 || index === 0) await writeChunk(tx, key, index, chunk.subarray(0, filled));
    return { key, size, sha256: hash.digest("hex") };
  },

  get(key, size, range?: ByteRange): ReadableStream<Uint8Array> {
    const start = range?.start ?? 0;
    const end = range?.end ?? size - 1;
    let position = start;
    return new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (position > end) {
            controller.close();
            return;
          }
          const index = Math.floor(position / CHUNK_BYTES);
          const from = position - index * CHUNK_BYTES;
          const length = Math.min(CHUNK_BYTES - from, end - position + 1);
          controller.enqueue(await readChunk(key, index, from, length));
          position += length;
        },
      },
      // One chunk ahead at most: a slow reader never makes the server hold the file.
      { highWaterMark: 1 },
    );
  },

  async delete(tx, key) {
    await tx.$executeRaw`DELETE FROM "material_chunks" WHERE "storageKey" = ${key}::uuid`;
  },
};

/** The configured store. Only PostgreSQL today; an S3-compatible one would be chosen here (lib/env.ts). */
export function materialStorage(): MaterialStorage {
  return postgresStorage;
}
