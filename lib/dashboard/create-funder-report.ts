import "server-only";
import type { AuditAction, AuditSubjectType } from "../audit/actions";
import { requireActor, type Actor } from "../auth/authorisation";
import { db } from "../db";
import { exportFileName } from "../export/file-name";
import type { Locale } from "../i18n/catalogue";
import { translator } from "../i18n/translator";
import { formatDate } from "../time/format";
import { dashboardFilterEntries, type DashboardFilter } from "./dashboard-filter";
import { dayLabel } from "./format-figure";
import { funderReport } from "./funder-report-data";
import { funderReportPdf } from "./funder-report-pdf";
import { funderReportXlsx } from "./funder-report-xlsx";
import { DASHBOARD_TIME_ZONE, queryDashboard } from "./queries";

export const reportFormats = ["pdf", "xlsx"] as const;
export type ReportFormat = (typeof reportFormats)[number];

export function parseReportFormat(value: string | null | undefined): ReportFormat | null {
  return (reportFormats as readonly string[]).includes(value ?? "") ? (value as ReportFormat) : null;
}

export type FunderReportFile = { fileName: string; contentType: string; body: Buffer; auditEventId: string };

const contentTypes: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * The funder report of the selection the actor may see, as PDF or XLSX.
 * Checks authorisation itself (queryDashboard throws AuthorizationError or
 * NotFoundError before anything is built) and records the download in the
 * audit trail once the file is complete: what was reported on, not whom.
 */
export async function createFunderReport(
  actor: Actor | null,
  filter: DashboardFilter,
  format: ReportFormat,
  options: { locale: Locale; now?: Date },
): Promise<FunderReportFile> {
  const signedIn = requireActor(actor);
  const data = await queryDashboard(signedIn, filter);
  const t = translator(options.locale, "dashboard");
  const now = options.now ?? new Date();
  const report = funderReport(data, t("figures.overall"));
  const programmes = [...new Set(data.sessions.map((session) => session.programmeName))];
  const scope = filter.workshopId || filter.sessionId ? report.workshops.map((workshop) => workshop.title).join(", ") : programmes.join(", ");
  const period =
    filter.from && filter.to
      ? t("report.periodFromTo", { from: dayLabel(filter.from, options.locale), to: dayLabel(filter.to, options.locale) })
      : filter.from
        ? t("report.periodFrom", { from: dayLabel(filter.from, options.locale) })
        : filter.to
          ? t("report.periodTo", { to: dayLabel(filter.to, options.locale) })
          : t("report.periodAll");
  const body =
    format === "pdf"
      ? await funderReportPdf(
          report,
          {
            title: t("report.title"),
            period,
            scope: t("report.scope", { scope: scope || t("figures.empty") }),
            generated: t("report.generated", { date: formatDate(now, DASHBOARD_TIME_ZONE, options.locale) }),
          },
          options.locale,
        )
      : await funderReportXlsx(report, options.locale);

  const event = await db.auditEvent.create({
    data: {
      actorId: signedIn.id,
      actorEmail: signedIn.email,
      action: "report.funder" satisfies AuditAction,
      subjectType: "report" satisfies AuditSubjectType,
      subjectId: filter.sessionId ?? filter.workshopId ?? null,
      details: { format, reach: data.scope.reach, filter: Object.fromEntries(dashboardFilterEntries(filter)), sessions: data.sessions.length },
    },
    select: { id: true },
  });
  const fileName = exportFileName({ base: t("report.fileName"), extension: format, at: now, timeZone: DASHBOARD_TIME_ZONE });
  return { fileName, contentType: contentTypes[format], body, auditEventId: event.id };
}
