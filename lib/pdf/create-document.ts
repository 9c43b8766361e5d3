import "server-only";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

// Fonts come from an npm package (dejavu-fonts-ttf), embedded in each PDF: no
// font is fetched at build or run time, and DejaVu covers German, the other
// Latin scripts (ł, ğ, ș), Greek and Cyrillic, so any name a participant
// types renders (docs/decisions/0029-pdf-documents-and-certificates.md).
// The bundler must leave the lookup to Node at run time: traced, it would try
// to bundle every .ttf of the package as a module and fail the build.
const require = createRequire(import.meta.url);
const fontFile = (name: string) => require.resolve(/* turbopackIgnore: true */ `dejavu-fonts-ttf/ttf/${name}.ttf`);

export const pdfFonts = { regular: "DejaVuSans", bold: "DejaVuSans-Bold", italic: "DejaVuSans-Oblique" } as const;

export type PdfDocument = PDFKit.PDFDocument;

export type PdfMetadata = {
  title: string;
  author: string;
  subject?: string;
  /** BCP 47 language of the text, e.g. "de-DE"; screen readers and search use it. */
  language: string;
};

/**
 * A4 document with the shipped fonts registered and DejaVu Sans selected.
 * Call `renderPdf` to draw into it and collect the bytes.
 */
export function createPdfDocument(metadata: PdfMetadata, options: { margin?: number; layout?: "portrait" | "landscape" } = {}): PdfDocument {
  const document = new PDFDocument({
    size: "A4",
    layout: options.layout ?? "portrait",
    margin: options.margin ?? 56,
    lang: metadata.language,
    displayTitle: true,
    tagged: true,
    pdfVersion: "1.7",
    info: { Title: metadata.title, Author: metadata.author, Subject: metadata.subject ?? metadata.title, Creator: "KommA-Anmeldung" },
    // Pages stay in memory until the end, so footers ("Seite 2 von 3") can be added last.
    bufferPages: true,
  });
  document.registerFont(pdfFonts.regular, fontFile("DejaVuSans"));
  document.registerFont(pdfFonts.bold, fontFile("DejaVuSans-Bold"));
  document.registerFont(pdfFonts.italic, fontFile("DejaVuSans-Oblique"));
  document.font(pdfFonts.regular);
  return document;
}

/** Runs `draw` on a fresh document and resolves with the finished PDF. */
export async function renderPdf(
  metadata: PdfMetadata,
  draw: (document: PdfDocument) => void | Promise<void>,
  options?: Parameters<typeof createPdfDocument>[1],
): Promise<Buffer> {
  const document = createPdfDocument(metadata, options);
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on("data", (chunk: Buffer) => chunks.push(chunk));
    document.on("end", () => resolve(Buffer.concat(chunks)));
    document.on("error", reject);
  });
  await draw(document);
  document.end();
  return finished;
}
