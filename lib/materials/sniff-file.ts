import "server-only";
import { fileTypeFromBuffer } from "file-type";

/**
 * How many bytes are looked at. Office files are zip archives whose kind shows
 * in an entry that Word and PowerPoint write first but LibreOffice writes
 * last; what the sample cannot tell is read from the zip's central directory
 * after the upload (zip-entries.ts, docs/decisions/0019). It is held in
 * memory once per upload.
 */
export const SNIFF_BYTES = 1024 * 1024;

/** file-type's extension for the content (e.g. "pdf", "docx", "png"), or undefined. */
export async function sniffFileKind(sample: Uint8Array): Promise<string | undefined> {
  return (await fileTypeFromBuffer(sample))?.ext;
}
