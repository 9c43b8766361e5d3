// Names of downloaded files and their Content-Disposition header. Pure.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * "anmeldungen_<scope>_<yyyy-MM-dd_HHmm>.<extension>", the time as wall-clock
 * time in `timeZone`, so the name says what is in the file and when it was
 * taken, and files sort by date in a folder.
 */
export function exportFileName(input: { base: string; scope?: string; extension: string; at: Date; timeZone: string }): string {
  const stamp = format(new TZDate(input.at.getTime(), input.timeZone), "yyyy-MM-dd_HHmm");
  const part = (value: string) => value.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "-");
  const scope = input.scope ? `_${part(input.scope)}` : "";
  return `${part(input.base)}${scope}_${stamp}.${part(input.extension)}`;
}

/**
 * `attachment` with an ASCII `filename` for old clients and the exact name as
 * RFC 5987 `filename*` (RFC 6266), which every current browser prefers.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
