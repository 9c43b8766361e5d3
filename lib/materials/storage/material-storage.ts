// The storage of material files behind one small interface, so that a store
// outside PostgreSQL (S3-compatible) can take its place (docs/decisions/0019).
import type { Prisma } from "../../generated/prisma/client";

export type StoredObject = { key: string; size: number; sha256: string };

/** Inclusive byte positions, as in HTTP's Content-Range. */
export type ByteRange = { start: number; end: number };

export class StoredFileTooLargeError extends Error {
  readonly code = "file-too-large";
  constructor(readonly maxBytes: number) {
    super(`Stored file exceeds ${maxBytes} bytes`);
    this.name = "StoredFileTooLargeError";
  }
}

export interface MaterialStorage {
  /**
   * Writes the bytes as they arrive under a new key and returns its size and
   * SHA-256. Runs inside the caller's transaction where the store can (the
   * PostgreSQL store can): a failed upload then leaves nothing behind.
   * Throws StoredFileTooLargeError past maxBytes.
   */
  put(tx: Prisma.TransactionClient, source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: { maxBytes: number }): Promise<StoredObject>;
  /** The bytes (or the range of them), read piece by piece as the reader pulls. */
  get(key: string, size: number, range?: ByteRange): ReadableStream<Uint8Array>;
  delete(tx: Prisma.TransactionClient, key: string): Promise<void>;
}
