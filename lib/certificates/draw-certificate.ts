import "server-only";
import { formatSessionTime } from "../email/templates/session-time";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { pdfFonts, renderPdf, type PdfDocument } from "../pdf/create-document";
import { formatVerificationCode } from "./verification-code";

/** Everything one certificate shows: plain values, no rows (lib/certificates/certificate-contents.ts builds them). */
export type CertificateContent = {
  locale: Locale;
  /** In the certificate's language where written; `programmeNameLang`/`workshopTitleLang` "de" where German stands on an English certificate (docs/decisions/0032). */
  programmeName: string;
  programmeNameLang?: "de";
  participantName: string;
  organisation: string;
  workshopTitle: string;
  workshopTitleLang?: "de";
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  format: "ONLINE" | "ON_SITE";
  location: string | null;
  /** Titles in the certificate's language, in the workshop's order. */
  instruments: string[];
  issuer: { name: string; role: string };
  /** PNG or JPEG bytes, checked when uploaded. */
  signature: Buffer | null;
  /** As stored (20 characters); printed in groups. */
  code: string;
  /** The public page that checks codes, absolute. */
  verifyUrl: string;
  issuedAt: Date;
};

/** The page's structure element in the tagged PDF: its text and the signature image are added to it in reading order. */
type Structure = PDFKit.PDFStructureElement;

/** Decoration (frame, rules): marked as an artifact, so assistive technology skips it. */
function artifact(document: PdfDocument, draw: () => void): void {
  document.markContent("Artifact", { type: "Layout" });
  draw();
  document.endMarkedContent();
}

const colour = { text: "#1a1a1a", muted: "#4a4a4a", accent: "#0b5394", rule: "#8a8f98" };

// A4 portrait in points; the document has no margins of its own (pdfkit would
// start a new page for text below its bottom margin), every block is placed here.
const page = { width: 595.28, height: 841.89 };
const side = 64;
const width = page.width - 2 * side;
/** Where the signature block starts: the text above must end before it. */
const signatureTop = 628;
const footerTop = 742;

/** "11. September 2026": the day of issue, without the weekday a session date has. */
function formatIssueDate(locale: Locale, instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "de-DE", { timeZone, day: "numeric", month: "long", year: "numeric" }).format(instant);
}

/** "2 Stunden 30 Minuten" from the session's length. */
export function formatDuration(locale: Locale, startsAt: Date, endsAt: Date): string {
  const t = translator(locale, "certificates");
  const total = Math.max(0, Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000));
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  const parts = [hours > 0 ? t("pdf.hours", { count: hours }) : "", minutes > 0 || hours === 0 ? t("pdf.minutes", { count: minutes }) : ""];
  return parts.filter(Boolean).join(" ");
}

function placeText(content: CertificateContent): string {
  const t = translator(content.locale, "certificates");
  if (content.format === "ONLINE") return t("pdf.online");
  return content.location ? t("pdf.onSiteAt", { location: content.location }) : t("pdf.onSite");
}

/** `lang`: the block's language where it differs from the document's (a German title on an English certificate). */
type Block = { text: string; font: string; size: number; color: string; gap: number; tag: "H1" | "P"; lang?: string };

/** The tagged PDF's language for a content text marked "de" (lib/i18n/localized-text.ts). */
function pdfLanguage(lang: "de" | undefined): string | undefined {
  return lang === "de" ? "de-DE" : undefined;
}

/**
 * The centred text of the upper part, at a scale: a long name or title wraps
 * onto more lines, and when everything together would run into the
 * signature, all of it is set a little smaller until it fits (never cut).
 */
function headBlocks(content: CertificateContent, scale: number): Block[] {
  const t = translator(content.locale, "certificates");
  const blocks: Block[] = [
    { text: t("pdf.title"), font: pdfFonts.bold, size: 30 * scale, color: colour.accent, gap: 30 * scale, tag: "H1" },
    { text: t("pdf.confirms"), font: pdfFonts.regular, size: 12.5 * scale, color: colour.text, gap: 12 * scale, tag: "P" },
    { text: content.participantName, font: pdfFonts.bold, size: 23 * scale, color: colour.text, gap: 4 * scale, tag: "P" },
  ];
  if (content.organisation) blocks.push({ text: content.organisation, font: pdfFonts.regular, size: 11.5 * scale, color: colour.muted, gap: 0, tag: "P" });
  blocks.push(
    { text: t("pdf.tookPart"), font: pdfFonts.regular, size: 12.5 * scale, color: colour.text, gap: 12 * scale, tag: "P" },
    {
      text: content.workshopTitle,
      font: pdfFonts.bold,
      size: 16.5 * scale,
      color: colour.text,
      gap: 6 * scale,
      tag: "P",
      lang: pdfLanguage(content.workshopTitleLang),
    },
    { text: t("pdf.programme", { programme: content.programmeName }), font: pdfFonts.italic, size: 11 * scale, color: colour.muted, gap: 0, tag: "P" },
  );
  return blocks;
}

function factRows(content: CertificateContent): { label: string; value: string }[] {
  const t = translator(content.locale, "certificates");
  const rows = [
    { label: t("pdf.date"), value: formatSessionTime(content.locale, content) },
    { label: t("pdf.duration"), value: formatDuration(content.locale, content.startsAt, content.endsAt) },
    { label: t("pdf.place"), value: placeText(content) },
  ];
  if (content.instruments.length > 0) rows.push({ label: t("pdf.instruments"), value: content.instruments.map((title) => `•  ${title}`).join("\n") });
  return rows;
}

const labelWidth = 132;

/** Lays out the upper part from `top`; draws it when `draw`, and returns where it ends. */
function layoutBody(document: PdfDocument, content: CertificateContent, scale: number, draw: Structure | null, top: number): number {
  let y = top;
  const blocks = headBlocks(content, scale);
  blocks.forEach((block, index) => {
    document.font(block.font).fontSize(block.size);
    const options = { width, align: "center" as const, lineGap: block.size * 0.15 };
    const height = document.heightOfString(block.text, options);
    if (draw && block.lang) {
      const { lang } = block;
      draw.add(document.struct(block.tag, { lang }, () => document.fillColor(block.color).text(block.text, side, y, options)));
    } else if (draw) document.fillColor(block.color).text(block.text, side, y, { ...options, structParent: draw, structType: block.tag });
    y += height + (index < blocks.length - 1 ? (blocks[index + 1]?.gap ?? 0) : 0);
  });

  y += 34 * scale;
  if (draw)
    artifact(document, () =>
      document
        .moveTo(side, y)
        .lineTo(page.width - side, y)
        .lineWidth(0.6)
        .strokeColor(colour.rule)
        .stroke(),
    );
  y += 16 * scale;
  const size = 11 * scale;
  for (const row of factRows(content)) {
    document.font(pdfFonts.regular).fontSize(size);
    const valueOptions = { width: width - labelWidth, lineGap: size * 0.25 };
    const height = Math.max(
      document.heightOfString(row.value, valueOptions),
      document.font(pdfFonts.bold).heightOfString(row.label, { width: labelWidth - 12 }),
    );
    if (draw) {
      document
        .font(pdfFonts.bold)
        .fontSize(size)
        .fillColor(colour.muted)
        .text(row.label, side, y, { width: labelWidth - 12, structParent: draw });
      document
        .font(pdfFonts.regular)
        .fontSize(size)
        .fillColor(colour.text)
        .text(row.value, side + labelWidth, y, { ...valueOptions, structParent: draw });
    }
    y += height + 9 * scale;
  }
  return y;
}

function drawFrame(document: PdfDocument): void {
  document
    .rect(24, 24, page.width - 48, page.height - 48)
    .lineWidth(1.6)
    .strokeColor(colour.accent)
    .stroke();
  document
    .rect(30, 30, page.width - 60, page.height - 60)
    .lineWidth(0.5)
    .strokeColor(colour.accent)
    .stroke();
}

function drawProgrammeHeader(document: PdfDocument, content: CertificateContent, structure: Structure): number {
  document.font(pdfFonts.bold).fontSize(11).fillColor(colour.accent);
  const options = { width, align: "center" as const, characterSpacing: 0.6 };
  const lang = pdfLanguage(content.programmeNameLang);
  if (lang) structure.add(document.struct("P", { lang }, () => document.text(content.programmeName, side, 62, options)));
  else document.text(content.programmeName, side, 62, { ...options, structParent: structure });
  const y = 62 + document.heightOfString(content.programmeName, { width, characterSpacing: 0.6 }) + 10;
  artifact(document, () =>
    document
      .moveTo(page.width / 2 - 40, y)
      .lineTo(page.width / 2 + 40, y)
      .lineWidth(1.2)
      .strokeColor(colour.accent)
      .stroke(),
  );
  return y + 30;
}

function drawSignature(document: PdfDocument, content: CertificateContent, structure: Structure): void {
  const t = translator(content.locale, "certificates");
  const columnWidth = 210;
  const lineY = signatureTop + 64;
  // Left: where and when issued.
  document
    .font(pdfFonts.regular)
    .fontSize(10.5)
    .fillColor(colour.text)
    .text(t("pdf.issued", { date: formatIssueDate(content.locale, content.issuedAt, content.timeZone) }), side, lineY - 16, {
      width: columnWidth,
      structParent: structure,
    });
  // Right: the signature image above the line, the issuer below it.
  const right = page.width - side - columnWidth;
  const signature = content.signature;
  if (signature) {
    structure.add(
      document.struct("Figure", { alt: t("pdf.signatureAlt") }, () =>
        document.image(signature, right, signatureTop, { fit: [columnWidth, 58], align: "center", valign: "bottom" }),
      ),
    );
  }
  artifact(document, () =>
    document
      .moveTo(right, lineY)
      .lineTo(right + columnWidth, lineY)
      .lineWidth(0.6)
      .strokeColor(colour.rule)
      .stroke(),
  );
  const lines = [content.issuer.name, content.issuer.role, content.issuer.name ? "" : t("pdf.issuer"), content.programmeName].filter(Boolean);
  let y = lineY + 6;
  lines.forEach((line, index) => {
    document
      .font(index === 0 && content.issuer.name ? pdfFonts.bold : pdfFonts.regular)
      .fontSize(index === 0 ? 10.5 : 9.5)
      .fillColor(index === 0 ? colour.text : colour.muted);
    document.text(line, right, y, { width: columnWidth, align: "center", structParent: structure });
    y += document.heightOfString(line, { width: columnWidth }) + 1;
  });
}

function drawFooter(document: PdfDocument, content: CertificateContent, structure: Structure): void {
  const t = translator(content.locale, "certificates");
  artifact(document, () =>
    document
      .moveTo(side, footerTop)
      .lineTo(page.width - side, footerTop)
      .lineWidth(0.4)
      .strokeColor(colour.rule)
      .stroke(),
  );
  document
    .font(pdfFonts.bold)
    .fontSize(10)
    .fillColor(colour.text)
    .text(t("pdf.code", { code: formatVerificationCode(content.code) }), side, footerTop + 10, { width, align: "center", structParent: structure });
  document
    .font(pdfFonts.regular)
    .fontSize(8.5)
    .fillColor(colour.muted)
    .text(t("pdf.verifyAt"), side, footerTop + 28, { width, align: "center", structParent: structure })
    .text(content.verifyUrl, { width, align: "center", structParent: structure });
}

/**
 * One certificate on the current page, tagged for assistive technology: one
 * section per page under the document's root element with the text in reading order (the title as H1), the
 * signature as a figure with a text alternative, the frame and rules as
 * artifacts.
 */
function drawCertificate(document: PdfDocument, content: CertificateContent, root: Structure): void {
  const structure = document.struct("Sect");
  root.add(structure);
  artifact(document, () => drawFrame(document));
  const top = drawProgrammeHeader(document, content, structure);
  let scale = 1;
  while (scale > 0.55 && layoutBody(document, content, scale, null, top) > signatureTop - 24) scale -= 0.025;
  layoutBody(document, content, scale, structure, top);
  drawSignature(document, content, structure);
  drawFooter(document, content, structure);
  structure.end();
}

/** One PDF with a page per certificate, in the first certificate's language for the document's metadata. */
export async function renderCertificates(contents: CertificateContent[], metadata: { title: string; author: string }): Promise<Buffer> {
  const locale = contents[0]?.locale ?? "de";
  return renderPdf(
    { title: metadata.title, author: metadata.author, language: locale === "en" ? "en-GB" : "de-DE" },
    (document) => {
      const root = document.struct("Document");
      document.addStructure(root);
      contents.forEach((content, index) => {
        if (index > 0) document.addPage({ size: "A4", margin: 0 });
        drawCertificate(document, content, root);
      });
      root.end();
    },
    { margin: 0 },
  );
}
