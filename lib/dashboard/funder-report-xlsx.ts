import "server-only";
import ExcelJS from "exceljs";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { institutionKindLabel, roleLabel } from "./category-labels";
import { cumulative } from "./chart-geometry";
import { averageKeys, rateKeys, ratingDistribution, shownFigureKeys, type Category, type KeyFigures } from "./figures";
import { sessionWhenLabel } from "./format-figure";
import type { FunderReport } from "./funder-report-data";

const percent = "0%";
const oneDecimal = "0.0";

/**
 * The figures behind the funder report as a workbook, as the export writes
 * its sheets (lib/export/write-xlsx.ts): a bold, frozen header row with an
 * auto-filter and typed cells; rates are numbers in percent format. Sheets:
 * figures per level (overall, workshop), per session, roles, kinds of
 * institution (small groups merged) and the registrations per day.
 */
export async function funderReportXlsx(report: FunderReport, locale: Locale): Promise<Buffer> {
  const t = translator(locale, "dashboard");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KommA-Anmeldung";
  const figureKeys = shownFigureKeys(report.overall.figures);
  const figureHeaders = figureKeys.map((key) => t(`figures.${key}`));
  const figureCells = (figures: KeyFigures) => figureKeys.map((key) => figures[key]);

  const sheet = (name: string, headers: string[], rows: ExcelJS.CellValue[][], rateColumns: number[] = [], averageColumns: number[] = []) => {
    const worksheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    worksheet.columns = headers.map((header, index) => ({
      header,
      width: Math.min(Math.max(header.length + 3, ...rows.map((row) => String(row[index] ?? "").length + 2), 8), 60),
      style: rateColumns.includes(index) ? { numFmt: percent } : averageColumns.includes(index) ? { numFmt: oneDecimal } : {},
    }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
    worksheet.addRows(rows);
  };
  const rateColumnsAfter = (offset: number) => figureKeys.flatMap((key, index) => (rateKeys.has(key) ? [offset + index] : []));
  const averageColumnsAfter = (offset: number) => figureKeys.flatMap((key, index) => (averageKeys.has(key) ? [offset + index] : []));

  sheet(
    t("report.sheetFigures"),
    [t("report.level"), t("figures.workshop"), t("figures.sessions"), ...figureHeaders],
    [
      [t("report.levelOverall"), report.overall.title, report.overall.sessions.length, ...figureCells(report.overall.figures)],
      ...report.workshops.map((workshop) => [t("report.levelWorkshop"), workshop.title, workshop.sessions.length, ...figureCells(workshop.figures)]),
    ],
    rateColumnsAfter(3),
    averageColumnsAfter(3),
  );
  sheet(
    t("report.sheetSessions"),
    [t("figures.workshop"), t("figures.session"), t("figures.calledOff"), ...figureHeaders],
    report.overall.sessions.map((session) => [session.workshopTitle, sessionWhenLabel(session, locale), session.calledOff, ...figureCells(session.figures)]),
    rateColumnsAfter(3),
    averageColumnsAfter(3),
  );
  const categoryRows = (pick: (section: FunderReport["workshops"][number]) => Category[] | null, label: (key: string) => string) => [
    ...[report.overall, ...report.workshops].flatMap((section) =>
      (pick(section) ?? []).map((category): ExcelJS.CellValue[] => [section.title, label(category.key), category.count]),
    ),
  ];
  sheet(
    t("report.sheetRoles"),
    [t("figures.workshop"), t("charts.group"), t("charts.count")],
    categoryRows(
      (section) => section.roles,
      (key) => roleLabel(key, locale),
    ),
  );
  if (report.overall.institutionKinds) {
    sheet(
      t("report.sheetKinds"),
      [t("figures.workshop"), t("charts.group"), t("charts.count")],
      categoryRows(
        (section) => section.institutionKinds,
        (key) => institutionKindLabel(key, locale),
      ),
    );
  }
  // The overall rating's distribution where ratings may be shown (sessions below the minimum left out).
  const rated = [report.overall, ...report.workshops].filter((section) => section.figures.ratings > 0);
  if (rated.length > 0) {
    sheet(
      t("report.sheetRatings"),
      [t("figures.workshop"), t("report.ratingPoint"), t("charts.count")],
      rated.flatMap((section) => ratingDistribution(section.figures).map((point): ExcelJS.CellValue[] => [section.title, Number(point.key), point.count])),
    );
  }
  sheet(
    t("report.sheetTimeline"),
    [t("figures.workshop"), t("figures.session"), t("charts.day"), t("figures.registrations"), t("charts.cumulative")],
    report.overall.sessions.flatMap((session) => {
      const totals = cumulative(session.timeline);
      return session.timeline.map((point, index) => [
        session.workshopTitle,
        sessionWhenLabel(session, locale),
        point.day,
        point.registrations,
        totals[index]!.total,
      ]);
    }),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
