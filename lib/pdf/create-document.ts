import "server-only";
import { join } from "node:path";
import PDFDocument from "pdfkit";

// Fonts come from an npm package (dejavu-fonts-ttf), embedded in each PDF: no
// font is fetched at build or run time, and DejaVu covers German, the other
// Latin scripts (ł, ğ, ș), Greek and Cyrillic, so any name a participant
// types renders (docs/decisions/0029-pdf-documents.md).
// The files are found by a path the bundler does not follow: a
// require.resolve with a template made Turbopack try to bundle every .ttf of
// the package and fail the build once a route drew a PDF. The app, its
// scripts and the tests all run from the project directory.
const fontDirectory = join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const fontFile = (name: string) => join(fontDirectory, `${name}.ttf`);

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
