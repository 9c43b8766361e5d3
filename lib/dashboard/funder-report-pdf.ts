import "server-only";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { pdfFonts, renderPdf, type PdfDocument } from "../pdf/create-document";
import { institutionKindLabel, roleLabel } from "./category-labels";
import {
  chartColours,
  cumulative,
  cumulativeLineChart,
  horizontalBarChart,
  REPORT_CHART_WIDTH,
  type BarChartGeometry,
  type LineChartGeometry,
} from "./chart-geometry";
import { chartLabel, withShares } from "./chart-rows";
import { hasEvaluation, ratingDistribution, shownFigureKeys, type Category, type FigureKey, type KeyFigures } from "./figures";
import { dayLabel, formatCount, formatFigure, formatRate, sessionWhenLabel } from "./format-figure";
import type { FunderReport, ReportSection } from "./funder-report-data";

const ink = "#1a1a1a";
const grid = "#c8c8c8";
const chartFont = 8;
// Columns of figures side by side in one table before it continues below.
const COLUMNS_PER_TABLE = 4;

type Texts = { title: string; period: string; scope: string; generated: string };

/** The document's root element in the tagged PDF; headings, paragraphs, tables and figures are added to it in reading order. */
type Structure = PDFKit.PDFStructureElement;

/** Decoration (rules, page numbers): an artifact, skipped by assistive technology. */
function artifact(document: PdfDocument, draw: () => void, type: "Layout" | "Pagination" = "Layout"): void {
  document.markContent("Artifact", { type });
  draw();
  document.endMarkedContent();
}

/** A chart as one figure whose text alternative says what it shows (the numbers are also in the text next to it). */
function figure(document: PdfDocument, root: Structure, alt: string, draw: () => void): void {
  root.add(document.struct("Figure", { alt }, draw));
}

/**
 * The funder report as an A4 PDF: first the selection overall, then a page
 * per workshop; figures as tables (pdftotext reads them back), charts drawn
 * with pdfkit's vector API from the same geometry as the dashboard's SVG.
 * Tagged for assistive technology: headings, paragraphs, tables with header
 * cells, charts as figures with a text alternative, rules as artifacts.
 */
export async function funderReportPdf(report: FunderReport, texts: Texts, locale: Locale): Promise<Buffer> {
  const t = translator(locale, "dashboard");
  return renderPdf({ title: texts.title, author: "KommA", subject: texts.scope, language: locale === "en" ? "en-GB" : "de-DE" }, (document) => {
    const root = document.struct("Document");
    document.addStructure(root);
    document.font(pdfFonts.bold).fontSize(20).fillColor(ink).text(texts.title, { structParent: root, structType: "H1" });
    document.font(pdfFonts.regular).fontSize(10).moveDown(0.3);
    for (const line of [texts.scope, texts.period, texts.generated, t("report.smallGroups")]) document.text(line, { structParent: root });
    document.moveDown();

    const keys = shownFigureKeys(report.overall.figures);
    drawSection(document, root, report.overall, locale, keys, [
      { header: t("report.levelOverall"), figures: report.overall.figures },
      ...report.overall.workshops.map((workshop) => ({ header: workshop.title, figures: workshop.figures })),
    ]);
    for (const workshop of report.workshops) {
      document.addPage();
      heading(document, root, t("report.perWorkshop", { title: workshop.title }), 15);
      drawSection(document, root, workshop, locale, keys, [
        { header: t("report.levelWorkshop"), figures: workshop.figures },
        ...workshop.sessions.map((session) => ({
          header: `${sessionWhenLabel(session, locale)}${session.calledOff ? ` (${t("figures.calledOff")})` : ""}`,
          figures: session.figures,
        })),
      ]);
      const charts = workshop.sessions.filter((session) => session.timeline.length > 0);
      if (charts.length > 0) heading(document, root, t("charts.timeline"), 12);
      for (const session of charts) {
        const geometry = cumulativeLineChart(cumulative(session.timeline), session.seats, { width: REPORT_CHART_WIDTH, height: 170 });
        const last = geometry.points.at(-1)!;
        ensureSpace(document, geometry.height + 30);
        const summary = `${sessionWhenLabel(session, locale)}: ${t("charts.timelineSummary", { total: last.total, day: dayLabel(last.day, locale), capacity: session.seats })}`;
        document.font(pdfFonts.regular).fontSize(9).fillColor(ink).text(summary, { structParent: root });
        figure(document, root, `${t("charts.timeline")}. ${summary}`, () =>
          drawLineChart(document, geometry, t("charts.capacityLine", { capacity: session.seats })),
        );
      }
    }

    const range = document.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      document.switchToPage(index);
      const bottom = document.page.height - document.page.margins.bottom;
      document.page.margins.bottom = 0;
      artifact(
        document,
        () =>
          document
            .font(pdfFonts.regular)
            .fontSize(8)
            .fillColor(ink)
            .text(`${texts.title} · ${t("report.page", { page: index + 1, pages: range.count })}`, document.page.margins.left, bottom + 20, {
              width: document.page.width - document.page.margins.left - document.page.margins.right,
              align: "center",
              lineBreak: false,
            }),
        "Pagination",
      );
    }
    root.end();
  });
}

function drawSection(
  document: PdfDocument,
  root: Structure,
  section: ReportSection,
  locale: Locale,
  keys: FigureKey[],
  columns: { header: string; figures: KeyFigures }[],
) {
  const t = translator(locale, "dashboard");
  if (section.id === "all") heading(document, root, section.title, 15);
  for (let start = 0; start < columns.length; start += COLUMNS_PER_TABLE) {
    figureTable(document, root, columns.slice(start, start + COLUMNS_PER_TABLE), keys, locale);
  }
  document.font(pdfFonts.regular).fontSize(8).fillColor(ink).text(t("figures.explanation"), { structParent: root });
  const evaluated = hasEvaluation(section.figures);
  if (evaluated) document.text(t("figures.evaluationExplanation"), { structParent: root });
  const below = section.sessions.filter((session) => session.sessionsBelowMinimum > 0);
  if (below.length > 0)
    document.text(t("figures.belowMinimum", { count: below.length, minimum: Math.max(...below.map((session) => session.evaluationMinimum)) }), {
      structParent: root,
    });
  document.moveDown();
  categoryChart(document, root, t("charts.roles"), section.roles, (key) => roleLabel(key, locale), locale);
  if (section.institutionKinds) categoryChart(document, root, t("charts.kinds"), section.institutionKinds, (key) => institutionKindLabel(key, locale), locale);
  if (evaluated && section.figures.ratings > 0) {
    categoryChart(document, root, t("charts.ratings"), ratingDistribution(section.figures), (key) => t("charts.ratingPoint", { point: key }), locale);
  } else if (section.figures.sessionsBelowMinimum > 0) {
    heading(document, root, t("charts.ratings"), 12);
    const minimum = Math.max(...section.sessions.map((session) => session.evaluationMinimum));
    document.font(pdfFonts.regular).fontSize(9).fillColor(ink).text(t("charts.ratingsTooFew", { minimum }), { structParent: root });
    document.moveDown();
  }
  const taken = section.sessions.filter((session) => session.attendanceTaken > 0);
  if (taken.length > 0) {
    const label = (session: (typeof taken)[number]) => `${sessionWhenLabel(session, locale)} · ${session.workshopTitle}`;
    const geometry = horizontalBarChart(
      taken.map((session) => ({ label: chartLabel(label(session), 90), values: [session.confirmed, session.attended] })),
      2,
      { width: REPORT_CHART_WIDTH },
    );
    ensureSpace(document, geometry.height + 60);
    heading(document, root, t("charts.attendance"), 12);
    const described = taken
      .map((session) => `${label(session)}: ${t("figures.confirmed")} ${session.confirmed}, ${t("figures.attended")} ${session.attended}`)
      .join("; ");
    figure(document, root, `${t("charts.attendance")}. ${described}`, () => drawBarChart(document, geometry, [t("figures.confirmed"), t("figures.attended")]));
  }
}

/** A section heading: 15 pt is a second level, smaller ones a third (the report's title is the first). */
function heading(document: PdfDocument, root: Structure, text: string, size: number) {
  ensureSpace(document, size * 3);
  document
    .font(pdfFonts.bold)
    .fontSize(size)
    .fillColor(ink)
    .text(text, document.page.margins.left, undefined, { structParent: root, structType: size >= 15 ? "H2" : "H3" });
  document.font(pdfFonts.regular).moveDown(0.3);
}

function ensureSpace(document: PdfDocument, height: number) {
  if (document.y + height > document.page.height - document.page.margins.bottom) document.addPage();
}

/** Figures as rows, the groups (overall, workshops or sessions) as columns. */
function figureTable(document: PdfDocument, root: Structure, columns: { header: string; figures: KeyFigures }[], keys: FigureKey[], locale: Locale) {
  const t = translator(locale, "dashboard");
  const left = document.page.margins.left;
  const width = document.page.width - left - document.page.margins.right;
  const labelWidth = 120;
  const columnWidth = (width - labelWidth) / COLUMNS_PER_TABLE;
  const rowHeight = 14;
  document.font(pdfFonts.bold).fontSize(8);
  const headerHeight = Math.max(...columns.map((column) => document.heightOfString(column.header, { width: columnWidth - 6 })));
  ensureSpace(document, headerHeight + rowHeight * (keys.length + 1));
  let y = document.y;
  const table = document.struct("Table");
  root.add(table);
  const headerRow = document.struct("TR");
  table.add(headerRow);
  // The corner above the figures' names.
  headerRow.add(document.struct("TD"));
  columns.forEach((column, index) => {
    document.text(column.header, left + labelWidth + index * columnWidth, y, {
      width: columnWidth - 6,
      align: "right",
      structParent: headerRow,
      structType: "TH",
    });
  });
  y += headerHeight + 4;
  const ruleY = y;
  artifact(document, () =>
    document
      .moveTo(left, ruleY)
      .lineTo(left + width, ruleY)
      .lineWidth(0.75)
      .strokeColor(ink)
      .stroke(),
  );
  y += 3;
  document.font(pdfFonts.regular).fontSize(9);
  for (const key of keys) {
    const row = document.struct("TR");
    table.add(row);
    document.fillColor(ink).text(t(`figures.${key}`), left, y, { width: labelWidth, lineBreak: false, structParent: row, structType: "TH" });
    columns.forEach((column, index) => {
      document.text(formatFigure(column.figures, key, locale), left + labelWidth + index * columnWidth, y, {
        width: columnWidth - 6,
        align: "right",
        lineBreak: false,
        structParent: row,
        structType: "TD",
      });
    });
    y += rowHeight;
    const lineY = y - 3;
    artifact(document, () =>
      document
        .moveTo(left, lineY)
        .lineTo(left + width, lineY)
        .lineWidth(0.25)
        .strokeColor(grid)
        .stroke(),
    );
  }
  table.end();
  document.x = left;
  document.y = y + 8;
}

function categoryChart(document: PdfDocument, root: Structure, title: string, categories: Category[], labelOf: (key: string) => string, locale: Locale) {
  if (categories.length === 0) return;
  const geometry = horizontalBarChart(
    categories.map((category) => ({ label: chartLabel(labelOf(category.key), 90), values: [category.count] })),
    1,
    { width: REPORT_CHART_WIDTH },
  );
  ensureSpace(document, geometry.height + 30 + 12 * categories.length);
  heading(document, root, title, 12);
  // The numbers once more as text with their shares, for readers of the text layer; the figure says what it shows.
  const described = withShares(categories)
    .map((category) => `${labelOf(category.key)}: ${formatCount(category.count, locale)} (${formatRate(category.share, locale)})`)
    .join(" · ");
  figure(document, root, `${title}. ${described}`, () => drawBarChart(document, geometry));
  document.font(pdfFonts.regular).fontSize(8).fillColor(ink);
  document.text(described, document.page.margins.left, undefined, { structParent: root });
  document.moveDown();
}

function hatch(document: PdfDocument, x: number, y: number, width: number, height: number) {
  document.save();
  document.rect(x, y, width, height).clip();
  document.rect(x, y, width, height).fill(chartColours.orange);
  for (let offset = -height; offset < width; offset += 5) {
    document
      .moveTo(x + offset, y + height)
      .lineTo(x + offset + height, y)
      .lineWidth(1)
      .strokeColor(ink)
      .stroke();
  }
  document.restore();
  document.rect(x, y, width, height).lineWidth(0.5).strokeColor(ink).stroke();
}

function drawBarChart(document: PdfDocument, geometry: BarChartGeometry, legend?: string[]) {
  const left = document.page.margins.left;
  let top = document.y;
  if (legend) {
    legend.forEach((name, index) => {
      const x = left + index * 160;
      if (index === 0) document.rect(x, top, 10, 10).fillAndStroke(chartColours.blue, ink);
      else hatch(document, x, top, 10, 10);
      document
        .font(pdfFonts.regular)
        .fontSize(chartFont)
        .fillColor(ink)
        .text(name, x + 15, top + 1, { lineBreak: false });
    });
    top += 18;
  }
  const { plot } = geometry;
  for (const tick of geometry.xTicks) {
    document
      .moveTo(left + tick.position, top + plot.top)
      .lineTo(left + tick.position, top + plot.bottom)
      .lineWidth(0.5)
      .strokeColor(grid)
      .stroke();
    document
      .fillColor(ink)
      .fontSize(chartFont)
      .text(tick.label, left + tick.position - 20, top + plot.bottom + 4, { width: 40, align: "center", lineBreak: false });
  }
  for (const row of geometry.rows) {
    document
      .fillColor(ink)
      .fontSize(chartFont)
      .text(row.label, left + plot.left, top + row.labelY - chartFont, { lineBreak: false });
    for (const bar of row.bars) {
      const x = left + bar.x;
      const y = top + bar.y;
      if (bar.width > 0) {
        if (bar.series === 0) document.rect(x, y, bar.width, bar.height).lineWidth(0.5).fillAndStroke(chartColours.blue, ink);
        else hatch(document, x, y, bar.width, bar.height);
      }
      document
        .fillColor(ink)
        .fontSize(chartFont)
        .text(String(bar.value), x + bar.width + 3, y + bar.height / 2 - chartFont / 2, { lineBreak: false });
    }
  }
  document
    .moveTo(left + plot.left, top + plot.top)
    .lineTo(left + plot.left, top + plot.bottom)
    .lineWidth(0.75)
    .strokeColor(ink)
    .stroke();
  document.x = left;
  document.y = top + geometry.height + 4;
}

function drawLineChart(document: PdfDocument, geometry: LineChartGeometry, capacityLabel: string) {
  const left = document.page.margins.left;
  const top = document.y;
  const { plot } = geometry;
  document.save();
  document.translate(left, top);
  for (const tick of geometry.yTicks) {
    document.moveTo(plot.left, tick.position).lineTo(plot.right, tick.position).lineWidth(0.5).strokeColor(grid).stroke();
    document
      .fillColor(ink)
      .fontSize(chartFont)
      .text(tick.label, 0, tick.position - chartFont / 2, { width: plot.left - 5, align: "right", lineBreak: false });
  }
  for (const tick of geometry.xTicks) {
    document
      .fillColor(ink)
      .fontSize(chartFont)
      .text(tick.label, tick.position - 20, plot.bottom + 5, { width: 40, align: "center", lineBreak: false });
  }
  document.moveTo(plot.left, plot.bottom).lineTo(plot.right, plot.bottom).lineWidth(0.75).strokeColor(ink).stroke();
  if (geometry.capacityY !== null) {
    document
      .moveTo(plot.left, geometry.capacityY)
      .lineTo(plot.right, geometry.capacityY)
      .dash(6, { space: 4 })
      .lineWidth(1.5)
      .strokeColor(chartColours.vermilion)
      .stroke();
    document.undash();
    document
      .fillColor(ink)
      .fontSize(chartFont)
      .text(capacityLabel, plot.left + 4, geometry.capacityY - chartFont - 4, { lineBreak: false });
  }
  document.path(geometry.path).lineWidth(2).strokeColor(chartColours.blue).stroke();
  const last = geometry.points.at(-1);
  if (last)
    document
      .font(pdfFonts.bold)
      .fillColor(chartColours.blue)
      .fontSize(chartFont)
      .text(String(last.total), Math.min(last.x + 4, plot.right - 30), last.y - chartFont - 4, { lineBreak: false });
  document.restore();
  document.font(pdfFonts.regular);
  document.x = left;
  document.y = top + geometry.height + 8;
}
