// Which Office document a zip archive is, from its central directory (the
// list of entries at the end of every zip). Word and PowerPoint write the
// entries that identify the kind first, where file-type finds them in the
// first bytes; LibreOffice writes them last, behind the images. The central
// directory names every entry wherever it lies, and it sits in the file's
// last bytes. Pure: tested in tests/unit/materials-files.test.ts.

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_BYTES = 22;
/** The end record, plus a comment of at most 65,535 bytes. */
const END_RECORD_SEARCH = END_RECORD_BYTES + 0xffff;

/** How much of a file's end is kept to read its central directory from (an Office document's lists a few hundred entries). */
export const ZIP_TAIL_BYTES = 512 * 1024;

/**
 * The entry names listed in the central directory, read from the file's last
 * bytes (`tail`, of a file `size` bytes long); null when the tail holds no
 * complete, well-formed directory (not a zip, ZIP64, or a directory larger
 * than the tail).
 */
export function zipEntryNames(tail: Uint8Array, size: number): string[] | null {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const tailStart = size - tail.byteLength;
  let end = -1;
  for (let at = tail.byteLength - END_RECORD_BYTES; at >= Math.max(0, tail.byteLength - END_RECORD_SEARCH); at -= 1) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  const directoryBytes = view.getUint32(end + 12, true);
  const directoryStart = view.getUint32(end + 16, true) - tailStart;
  if (directoryStart < 0 || directoryStart + directoryBytes > end) return null;
  const decoder = new TextDecoder();
  const names: string[] = [];
  let at = directoryStart;
  for (let index = 0; index < entries; index += 1) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > end) return null;
    names.push(decoder.decode(tail.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** The Office Open XML kind an archive's entries make it (as file-type names it), or undefined. */
export function officeKindOfEntries(names: readonly string[]): "docx" | "xlsx" | "pptx" | undefined {
  if (!names.includes("[Content_Types].xml")) return undefined;
  if (names.includes("word/document.xml")) return "docx";
  if (names.includes("xl/workbook.xml")) return "xlsx";
  if (names.includes("ppt/presentation.xml")) return "pptx";
  return undefined;
}
