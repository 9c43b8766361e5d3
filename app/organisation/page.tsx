import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import {
  AttendanceChart,
  CategoryChart,
  EvaluationNotes,
  OverallFigures,
  RatingChart,
  SessionFiguresTable,
  TimelineCharts,
  WorkshopFigures,
} from "@/components/dashboard-sections";
import { SessionWhen } from "@/components/organiser-session-when";
import { ScrollRegion } from "@/components/scroll-region";
import { SelectionFilterForm } from "@/components/selection-filter-form";
import { organiserRead } from "@/lib/auth/organiser-action";
import { institutionKindLabel, roleLabel } from "@/lib/dashboard/category-labels";
import { parseDashboardFilter } from "@/lib/dashboard/dashboard-filter";
import { shownFigureKeys } from "@/lib/dashboard/figures";
import { queryDashboard } from "@/lib/dashboard/queries";
import { summariseFigures } from "@/lib/dashboard/summary";
import { listExportChoices } from "@/lib/export/queries";
import { isLocale } from "@/lib/i18n/catalogue";
import { listUpcomingSessions } from "@/lib/sessions/organiser-queries";
import { formatShortDate, formatTime } from "@/lib/time/format";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiser.dashboard");
  return { title: t("title") };
}

const path = "/organisation";
// The report is posted: every download writes an audit event (as the export, docs/decisions/0016).
const reportPath = "/organisation/bericht";

export default async function DashboardPage({ searchParams }: Props) {
  const filter = parseDashboardFilter(await searchParams);
  const requested = await getLocale();
  const locale = isLocale(requested) ? requested : "de";
  const { data, choices, upcoming } = await organiserRead(
    async (actor) => ({
      data: await queryDashboard(actor, filter),
      choices: await listExportChoices(actor),
      upcoming: await listUpcomingSessions(actor),
    }),
    path,
  );
  const t = await getTranslations("dashboard");
  const organiser = await getTranslations("organiser");
  const summary = summariseFigures(data.sessions, t("figures.overall"));

  return (
    <>
      <h1>{organiser("dashboard.title")}</h1>
      <p className="lead">{data.scope.reach === "all" ? t("introAll") : t("intro")}</p>
      {choices.workshops.length === 0 ? (
        <p>
          {organiser("dashboard.empty")} <Link href="/organisation/workshops">{organiser("dashboard.toWorkshops")}</Link>
        </p>
      ) : (
        <SelectionFilterForm
          path={path}
          className="org-filter no-print"
          legend={t("filter.legend")}
          idPrefix="dashboard"
          namespace="dashboard.filter"
          choices={choices}
          filter={filter}
          sessionWhen={(session) => `${formatShortDate(session.startsAt, session.timeZone, locale)}, ${formatTime(session.startsAt, session.timeZone, locale)}`}
          programmeInRow
          downloads={{
            legend: t("report.legend"),
            hint: t("report.hint"),
            action: reportPath,
            formats: [
              { value: "pdf", label: t("report.pdf") },
              { value: "xlsx", label: t("report.xlsx") },
            ],
          }}
        />
      )}

      <section aria-labelledby="dashboard-figures">
        <h2 id="dashboard-figures">{t("figures.heading")}</h2>
        {data.sessions.length === 0 ? (
          <p>{t("figures.empty")}</p>
        ) : (
          <>
            <OverallFigures figures={summary.overall.figures} locale={locale} />
            <p className="meta">{t("figures.explanation")}</p>
            <EvaluationNotes sessions={data.sessions} figures={summary.overall.figures} />
            <WorkshopFigures summary={summary} locale={locale} />
            <SessionFiguresTable sessions={data.sessions} keys={shownFigureKeys(summary.overall.figures)} locale={locale} />
          </>
        )}
      </section>

      {data.sessions.length > 0 ? (
        <section aria-labelledby="dashboard-charts">
          <h2 id="dashboard-charts">{t("charts.heading")}</h2>
          <TimelineCharts data={data} locale={locale} />
          <div className="chart-grid">
            <CategoryChart id="roles" title={t("charts.roles")} categories={data.roles} labelOf={(key) => roleLabel(key, locale)} locale={locale} />
            {data.institutionKinds ? (
              <CategoryChart
                id="kinds"
                title={t("charts.kinds")}
                categories={data.institutionKinds}
                labelOf={(key) => institutionKindLabel(key, locale)}
                locale={locale}
              />
            ) : (
              <p>{t("charts.kindsMissing")}</p>
            )}
            <RatingChart sessions={data.sessions} figures={summary.overall.figures} locale={locale} />
          </div>
          <AttendanceChart sessions={data.sessions} locale={locale} />
        </section>
      ) : null}

      <section aria-labelledby="dashboard-upcoming">
        <h2 id="dashboard-upcoming">{t("upcoming")}</h2>
        {upcoming.length === 0 ? (
          <p>
            {organiser("dashboard.empty")} <Link href="/organisation/workshops">{organiser("dashboard.toWorkshops")}</Link>
          </p>
        ) : (
          <ScrollRegion label={organiser("dashboard.caption")}>
            <table>
              <caption className="visually-hidden">{organiser("dashboard.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{organiser("dashboard.columns.session")}</th>
                  <th scope="col">{organiser("dashboard.columns.workshop")}</th>
                  <th scope="col">{organiser("dashboard.columns.seats")}</th>
                  <th scope="col">{organiser("dashboard.columns.waitlist")}</th>
                  <th scope="col">{organiser("dashboard.columns.state")}</th>
                </tr>
              </thead>
              <tbody>
                {upcoming.map((session) => (
                  <tr key={session.id}>
                    <td>
                      <Link href={`/organisation/termine/${session.id}`}>
                        <SessionWhen session={session} />
                      </Link>
                    </td>
                    <td>{session.workshopTitle}</td>
                    <td>{organiser("seats", { confirmed: session.confirmedCount, capacity: session.capacity })}</td>
                    <td>{session.waitlistCount}</td>
                    <td>
                      <span className={`fill fill--${session.fill}`}>{organiser(`fill.${session.fill}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}
