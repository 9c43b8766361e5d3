// The name a stored file keeps. Pure.

const MAX_LENGTH = 180;

/**
 * The last path segment of what the browser sent, without control and
 * bidirectional-override characters (a name that reads "gpj.pdf" but is
 * "fdp.jpg"), NUL, lone surrogates, or characters Windows refuses in names;
 * letters such as umlauts stay (NFC, so "ü" is one character). Too long
 * names are shortened before the extension. Empty → "datei".
 */
export function sanitiseFileName(raw: string): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? "";
  let name = lastSegment
    .normalize("NFC")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (name.length > MAX_LENGTH) {
    const dot = name.lastIndexOf(".");
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = `${Array.from(name.slice(0, name.length - extension.length))
      .slice(0, MAX_LENGTH - extension.length)
      .join("")
      .trimEnd()}${extension}`;
  }
  return name || "datei";
}
