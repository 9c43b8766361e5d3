import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fileExtension, judgeFile } from "@/lib/materials/file-kinds";
import { sanitiseFileName } from "@/lib/materials/file-name";
import { sniffFileKind } from "@/lib/materials/sniff-file";
import { officeKindOfEntries, zipEntryNames } from "@/lib/materials/zip-entries";
import { storedZip } from "../helpers/stored-zip";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/materials/${name}`, import.meta.url));

describe("reading which Office document a zip is from its central directory", () => {
  const archive = (names: string[]) => storedZip(names.map((name) => ({ name, content: `<${name}/>` })));

  it.each([
    [["[Content_Types].xml", "word/document.xml"], "docx"],
    [["xl/workbook.xml", "[Content_Types].xml"], "xlsx"],
    [["ppt/presentation.xml", "[Content_Types].xml"], "pptx"],
    [["word/document.xml"], undefined],
    [["[Content_Types].xml", "readme.txt"], undefined],
  ] as const)("names %j a %s", (names, kind) => {
    expect(officeKindOfEntries(zipEntryNames(archive([...names]), archive([...names]).length)!)).toBe(kind);
  });

  it("lists the entries from the file's last bytes alone, as an upload keeps them", () => {
    const whole = storedZip([
      { name: "Pictures/foto.png", content: Buffer.alloc(200_000, 7) },
      { name: "word/document.xml", content: "<w:document/>" },
      { name: "[Content_Types].xml", content: "<Types/>" },
    ]);
    expect(zipEntryNames(whole.subarray(whole.length - 1000), whole.length)).toEqual(["Pictures/foto.png", "word/document.xml", "[Content_Types].xml"]);
  });

  it("gives nothing for what is not a whole zip directory", () => {
    expect(zipEntryNames(new TextEncoder().encode("%PDF-1.7 no zip here"), 20)).toBeNull();
    const whole = storedZip([{ name: "a.txt", content: "a" }]);
    // A tail that starts inside the directory cannot be read.
    expect(zipEntryNames(whole.subarray(whole.length - 30), whole.length)).toBeNull();
  });
});

describe("sniffing a material's content", () => {
  it.each([
    ["handout.pdf", "pdf"],
    ["pixel.png", "png"],
    ["pixel.jpg", "jpg"],
    ["word.docx", "docx"],
    // LibreOffice writes [Content_Types].xml last; the sample holds the whole small file.
    ["libreoffice.docx", "docx"],
    ["sheet.xlsx", "xlsx"],
    ["slides.pptx", "pptx"],
    ["text.odt", "odt"],
    ["table.ods", "ods"],
    ["slides.odp", "odp"],
    ["plain.zip", "zip"],
  ])("recognises %s as %s by its bytes", async (name, kind) => {
    expect(await sniffFileKind(fixture(name))).toBe(kind);
  });

  it("finds nothing in plain text", async () => {
    expect(await sniffFileKind(fixture("notes.txt"))).toBeUndefined();
  });
});

describe("judging an upload by content and name", () => {
  it("accepts each kind under its own extension and serves the type of the content", () => {
    expect(judgeFile("Handout.PDF", "pdf")).toEqual({ ok: true, mimeType: "application/pdf" });
    expect(judgeFile("foto.jpeg", "jpg")).toEqual({ ok: true, mimeType: "image/jpeg" });
    expect(judgeFile("foto.jpg", "jpg")).toEqual({ ok: true, mimeType: "image/jpeg" });
    expect(judgeFile("bericht.odt", "odt")).toMatchObject({ ok: true, mimeType: "application/vnd.oasis.opendocument.text" });
    expect(judgeFile("tabelle.xlsx", "xlsx")).toMatchObject({ ok: true });
  });

  it("refuses a PNG or a text file that calls itself PDF, and office formats swapped", () => {
    expect(judgeFile("handout.pdf", "png")).toEqual({ ok: false, code: "file-type-mismatch" });
    expect(judgeFile("handout.pdf", undefined)).toEqual({ ok: false, code: "file-type-mismatch" });
    expect(judgeFile("tabelle.docx", "xlsx")).toEqual({ ok: false, code: "file-type-mismatch" });
    expect(judgeFile("text.odt", "ods")).toEqual({ ok: false, code: "file-type-mismatch" });
    // A bare zip is no office document, whatever it is called.
    expect(judgeFile("bericht.docx", "zip")).toEqual({ ok: false, code: "file-type-mismatch" });
  });

  it("refuses kinds that are not allowed at all", () => {
    expect(judgeFile("archiv.zip", "zip")).toEqual({ ok: false, code: "file-type-refused" });
    expect(judgeFile("programm.exe", "exe")).toEqual({ ok: false, code: "file-type-refused" });
    expect(judgeFile("notiz.txt", undefined)).toEqual({ ok: false, code: "file-type-refused" });
    expect(judgeFile("bild.gif", "gif")).toEqual({ ok: false, code: "file-type-refused" });
  });

  it("reads the extension after the last dot only", () => {
    expect(fileExtension("a.tar.gz")).toBe("gz");
    expect(fileExtension(".pdf")).toBe("");
    expect(fileExtension("ohne")).toBe("");
  });
});

describe("sanitising file names", () => {
  it("keeps umlauts and ß, as one composed character each", () => {
    expect(sanitiseFileName("Übergriffsmanagement – Leitfaden für Führungskräfte.pdf")).toBe("Übergriffsmanagement – Leitfaden für Führungskräfte.pdf");
    expect(sanitiseFileName("Gru\u0308ße.pdf")).toBe("Grüße.pdf");
  });

  it("drops path parts of either kind", () => {
    expect(sanitiseFileName("C:\\Users\\erika\\Desktop\\folien.pdf")).toBe("folien.pdf");
    expect(sanitiseFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitiseFileName("/tmp/x/handout.pdf")).toBe("handout.pdf");
  });

  it("removes control characters, NUL, bidi overrides and lone surrogates", () => {
    expect(sanitiseFileName("hand\u0000out\u0007.pdf")).toBe("handout.pdf");
    expect(sanitiseFileName("rechnung\u202Efdp.exe")).toBe("rechnungfdp.exe");
    expect(sanitiseFileName("a\uD800b.pdf")).toBe("ab.pdf");
    expect(sanitiseFileName("zeile\r\numbruch.pdf")).toBe("zeileumbruch.pdf");
  });

  it("replaces characters Windows refuses and trims dots and spaces at the ends", () => {
    expect(sanitiseFileName('a<b>:"c|d?*.pdf')).toBe("a_b___c_d__.pdf");
    expect(sanitiseFileName("  ..versteckt.pdf. ")).toBe("versteckt.pdf");
  });

  it("shortens long names but keeps the extension", () => {
    const name = sanitiseFileName(`${"ä".repeat(300)}.pptx`);
    expect(name.endsWith(".pptx")).toBe(true);
    expect(name.length).toBe(180);
  });

  it("never returns an empty name", () => {
    expect(sanitiseFileName("")).toBe("datei");
    expect(sanitiseFileName("\u0000\u0001")).toBe("datei");
    expect(sanitiseFileName("folder/")).toBe("datei");
  });
});
