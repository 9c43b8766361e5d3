// Which files organisers may upload, judged by their content. Pure (the
// sniffing itself is lib/materials/sniff-file.ts).

/** file-type's extension for each accepted kind → the name extensions that may claim it, and the type we serve. */
const acceptedKinds = {
  pdf: { extensions: ["pdf"], mimeType: "application/pdf" },
  docx: { extensions: ["docx"], mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xlsx: { extensions: ["xlsx"], mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  pptx: { extensions: ["pptx"], mimeType: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
  odt: { extensions: ["odt"], mimeType: "application/vnd.oasis.opendocument.text" },
  ods: { extensions: ["ods"], mimeType: "application/vnd.oasis.opendocument.spreadsheet" },
  odp: { extensions: ["odp"], mimeType: "application/vnd.oasis.opendocument.presentation" },
  png: { extensions: ["png"], mimeType: "image/png" },
  jpg: { extensions: ["jpg", "jpeg"], mimeType: "image/jpeg" },
} as const;

export const acceptedExtensions: readonly string[] = Object.values(acceptedKinds).flatMap((kind) => kind.extensions);

/** For the file input's accept attribute (a hint only: the server decides by content). */
export const acceptAttribute = acceptedExtensions.map((extension) => `.${extension}`).join(",");

export type FileVerdict = { ok: true; mimeType: string } | { ok: false; code: "file-type-refused" | "file-type-mismatch" };

export function fileExtension(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
}

/**
 * Accepted when the content is one of the kinds above and the name claims
 * that kind: a PNG named .pdf or a text file named .docx is refused, so what
 * people download is what its name says. The served type comes from the
 * content, never from the browser's claim.
 */
export function judgeFile(fileName: string, detectedExtension: string | undefined): FileVerdict {
  const extension = fileExtension(fileName);
  const kind = detectedExtension && Object.hasOwn(acceptedKinds, detectedExtension) ? acceptedKinds[detectedExtension as keyof typeof acceptedKinds] : null;
  if (!kind) return { ok: false, code: acceptedExtensions.includes(extension) ? "file-type-mismatch" : "file-type-refused" };
  if (!(kind.extensions as readonly string[]).includes(extension)) return { ok: false, code: "file-type-mismatch" };
  return { ok: true, mimeType: kind.mimeType };
}

/** A short name for the file's kind next to its link ("PDF", "DOCX"); the seed's overviews are text. */
export function kindLabel(mimeType: string | null): string | null {
  if (!mimeType) return null;
  const kind = Object.entries(acceptedKinds).find(([, entry]) => entry.mimeType === mimeType);
  if (kind) return kind[0] === "jpg" ? "JPEG" : kind[0].toUpperCase();
  return mimeType.startsWith("text/plain") ? "TXT" : null;
}

/** "1,2 MB" / "1.2 MB", "340 KB": decimal units, as file managers show them. */
export function formatFileSize(bytes: number, locale: string): string {
  const format = (value: number, unit: string) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${unit}`;
  if (bytes >= 1_000_000) return format(bytes / 1_000_000, "MB");
  if (bytes >= 1_000) return format(bytes / 1_000, "KB");
  return format(bytes, "B");
}
