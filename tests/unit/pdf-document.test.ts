import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pdfFonts, renderPdf } from "../../lib/pdf/create-document";

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "pdf-")), "document.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
}

describe("PDF documents", () => {
  it("render names in any Latin script with the shipped fonts, so pdftotext reads them back", async () => {
    const name = "Jürgen Groß-Çelik, Łucja Şahin, Ærøskøbing, Ελένη, Дмитрий";
    const pdf = await renderPdf({ title: "Prüfung", author: "KommA", language: "de-DE" }, (document) => {
      document.font(pdfFonts.bold).fontSize(20).text("Teilnahmebescheinigung");
      document.font(pdfFonts.regular).fontSize(12).text(name);
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Teilnahmebescheinigung");
    expect(text).toContain(name);
  });
});
