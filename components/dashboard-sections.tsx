// The dashboard's sections: key figure tables and the charts with their
// data tables. Server components; the page passes what lib/dashboard read.
import { getTranslations } from "next-intl/server";
import { BarChartSvg, CumulativeChartSvg } from "@/components/dashboard-charts";
import { ScrollRegion } from "@/components/scroll-region";
import { cumulative, cumulativeLineChart, horizontalBarChart } from "@/lib/dashboard/chart-geometry";
import { chartLabel, TIMELINE_LIMIT, withShares } from "@/lib/dashboard/chart-rows";
import { hasEvaluation, keyFigures, ratingDistribution, shownFigureKeys, type Category, type FigureKey, type KeyFigures } from "@/lib/dashboard/figures";
import { dayLabel, formatCount, formatFigure, formatRate, sessionWhenLabel } from "@/lib/dashboard/format-figure";
import type { DashboardData, SessionFigures } from "@/lib/dashboard/queries";
import type { FigureSummary } from "@/lib/dashboard/summary";
import type { Locale } from "@/lib/i18n/catalogue";

type Props = { locale: Locale };

export async function OverallFigures({ figures, locale }: Props & { figures: KeyFigures }) {
  const t = await getTranslations("dashboard.figures");
  const shown: FigureKey[] = ["registrations", "confirmed", "waitlisted", "cancelled", "fillRate", "attendanceRate", "noShows"];
  if (hasEvaluation(figures)) shown.push("responseRate", "averageRating");
  return (
    <dl className="figure-cards">
      {shown.map((key) => (
        <div key={key} className="figure-card">
          <dt>{t(key)}</dt>
          <dd>{formatFigure(figures, key, locale)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One table: a row per group (workshop or session), a column per figure. */
export async function FigureTable({
  caption,
  rowHeader,
  rows,
  keys,
  locale,
}: Props & { caption: string; rowHeader: string; rows: { id: string; label: React.ReactNode; figures: KeyFigures }[]; keys: FigureKey[] }) {
  const t = await getTranslations("dashboard.figures");
  const captionId = `figures-${caption.replace(/\W+/g, "-")}`;
  // A wide table scrolls in its own region, which keyboard users can reach.
  return (
    <div className="org-table" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="figure-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {keys.map((key) => (
              <th key={key} scope="col" className="numeric">
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              {keys.map((key) => (
                <td key={key} className="numeric">
                  {formatFigure(row.figures, key, locale)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function WorkshopFigures({ summary, locale }: Props & { summary: FigureSummary }) {
  const t = await getTranslations("dashboard.figures");
  const rows = [
    ...summary.workshops.map((workshop) => ({ id: workshop.id, label: workshop.title, figures: workshop.figures })),
    { id: "all", label: <strong>{summary.overall.title}</strong>, figures: summary.overall.figures },
  ];
  return <FigureTable caption={t("byWorkshop")} rowHeader={t("workshop")} rows={rows} keys={shownFigureKeys(summary.overall.figures)} locale={locale} />;
}

export async function SessionFiguresTable({ sessions, keys, locale }: Props & { sessions: SessionFigures[]; keys: FigureKey[] }) {
  const t = await getTranslations("dashboard.figures");
  const rows = sessions.map((session) => ({
    id: session.sessionId,
    label: (
      <>
        <a href={`/organisation/termine/${session.sessionId}`}>{sessionWhenLabel(session, locale)}</a>
        {session.calledOff ? ` (${t("calledOff")})` : null}
        <br />
        <span className="meta">{session.workshopTitle}</span>
      </>
    ),
    figures: keyFigures(session),
  }));
  return <FigureTable caption={t("bySession")} rowHeader={t("session")} rows={rows} keys={keys} locale={locale} />;
}

export async function TimelineCharts({ data, locale }: Props & { data: DashboardData }) {
  const t = await getTranslations("dashboard.charts");
  const sessions = data.sessions.slice(0, TIMELINE_LIMIT);
  return (
    <section aria-labelledby="chart-timeline" className="chart-section">
      <h3 id="chart-timeline">{t("timeline")}</h3>
      <p>{t("timelineIntro")}</p>
      {data.sessions.length > TIMELINE_LIMIT ? <p className="notice">{t("timelineLimited", { shown: TIMELINE_LIMIT, count: data.sessions.length })}</p> : null}
      <div className="chart-grid">
        {sessions.map((session, index) => {
          const points = cumulative(data.timeline.get(session.sessionId) ?? []);
          const title = `${session.workshopTitle} – ${sessionWhenLabel(session, locale)}`;
          const last = points.at(-1);
          const summary = last ? t("timelineSummary", { total: last.total, day: dayLabel(last.day, locale), capacity: session.seats }) : t("timelineNone");
          const id = `timeline-${index}`;
          return (
            <figure key={session.sessionId} className="chart" aria-labelledby={`${id}-caption`}>
              <figcaption id={`${id}-caption`}>
                <strong>{title}</strong>
                <br />
                {summary}
              </figcaption>
              {last ? (
                <>
                  <CumulativeChartSvg
                    id={id}
                    geometry={cumulativeLineChart(points, session.seats)}
                    label={`${t("timeline")}: ${title}. ${summary}`}
                    capacityLabel={t("capacityLine", { capacity: session.seats })}
                  />
                  <details>
                    <summary>{t("dataTable")}</summary>
                    <table className="chart-table">
                      <caption className="visually-hidden">{`${t("timeline")}: ${title}`}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t("day")}</th>
                          <th scope="col" className="numeric">
                            {t("cumulative")}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {points.map((point) => (
                          <tr key={point.day}>
                            <th scope="row">{dayLabel(point.day, locale)}</th>
                            <td className="numeric">{formatCount(point.total, locale)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                </>
              ) : null}
            </figure>
          );
        })}
      </div>
    </section>
  );
}

/** One bar per category and its data table (count and share). */
export async function CategoryChart({
  id,
  title,
  categories,
  labelOf,
  locale,
}: Props & { id: string; title: string; categories: Category[]; labelOf: (key: string) => string }) {
  const t = await getTranslations("dashboard.charts");
  const rows = withShares(categories);
  const geometry = horizontalBarChart(
    rows.map((row) => ({ label: chartLabel(labelOf(row.key)), values: [row.count] })),
    1,
  );
  const summary = rows.map((row) => t("barSummary", { label: labelOf(row.key), count: row.count })).join("; ");
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        <strong>{title}</strong>
      </figcaption>
      <BarChartSvg id={id} geometry={geometry} label={`${title}: ${summary}`} />
      <ScrollRegion label={`${t("dataTable")}: ${title}`} className="chart-table-scroll">
        <table className="chart-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t("group")}</th>
              <th scope="col" className="numeric">
                {t("count")}
              </th>
              <th scope="col" className="numeric">
                {t("share")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{labelOf(row.key)}</th>
                <td className="numeric">{formatCount(row.count, locale)}</td>
                <td className="numeric">{formatRate(row.share, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </figure>
  );
}

export async function AttendanceChart({ sessions, locale }: Props & { sessions: SessionFigures[] }) {
  const t = await getTranslations("dashboard.charts");
  const figures = await getTranslations("dashboard.figures");
  const taken = sessions.filter((session) => session.attendanceTaken > 0);
  const title = t("attendance");
  if (taken.length === 0) {
    return (
      <figure className="chart">
        <figcaption>
          <strong>{title}</strong>
        </figcaption>
        <p>{t("attendanceNone")}</p>
      </figure>
    );
  }
  const label = (session: SessionFigures) => `${sessionWhenLabel(session, locale)} · ${session.workshopTitle}`;
  const geometry = horizontalBarChart(
    taken.map((session) => ({ label: chartLabel(label(session)), values: [session.confirmed, session.attended] })),
    2,
  );
  const summary = taken.map((session) => `${label(session)}: ${session.confirmed} / ${session.attended}`).join("; ");
  return (
    <figure className="chart" aria-labelledby="attendance-caption">
      <figcaption id="attendance-caption">
        <strong>{title}</strong>
      </figcaption>
      <BarChartSvg
        id="attendance"
        geometry={geometry}
        label={`${title} (${figures("confirmed")} / ${figures("attended")}): ${summary}`}
        legend={[figures("confirmed"), figures("attended")]}
      />
      <ScrollRegion label={`${t("dataTable")}: ${title}`} className="chart-table-scroll">
        <table className="chart-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{figures("session")}</th>
              <th scope="col" className="numeric">
                {figures("confirmed")}
              </th>
              <th scope="col" className="numeric">
                {figures("attended")}
              </th>
              <th scope="col" className="numeric">
                {figures("noShows")}
              </th>
              <th scope="col" className="numeric">
                {figures("attendanceRate")}
              </th>
            </tr>
          </thead>
          <tbody>
            {taken.map((session) => (
              <tr key={session.sessionId}>
                <th scope="row">{label(session)}</th>
                <td className="numeric">{formatCount(session.confirmed, locale)}</td>
                <td className="numeric">{formatCount(session.attended, locale)}</td>
                <td className="numeric">{formatCount(session.noShows, locale)}</td>
                <td className="numeric">{formatRate(keyFigures(session).attendanceRate, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </figure>
  );
}

/** Why some sessions show no rating; null where every session with responses shows its ratings. */
export async function EvaluationNotes({ sessions, figures }: { sessions: SessionFigures[]; figures: KeyFigures }) {
  const t = await getTranslations("dashboard.figures");
  if (!hasEvaluation(figures)) return null;
  const below = sessions.filter((session) => session.sessionsBelowMinimum > 0);
  return (
    <>
      <p className="meta">{t("evaluationExplanation")}</p>
      {below.length > 0 ? (
        <p className="meta">{t("belowMinimum", { count: below.length, minimum: Math.max(...below.map((session) => session.evaluationMinimum)) })}</p>
      ) : null}
    </>
  );
}

/** The overall rating's distribution for the selection, or why it is not shown; nothing without an evaluation. */
export async function RatingChart({ sessions, figures, locale }: Props & { sessions: SessionFigures[]; figures: KeyFigures }) {
  const t = await getTranslations("dashboard.charts");
  // No ratings at all (none answered, or the questionnaire asks none): nothing to show or explain.
  if (!hasEvaluation(figures) || (figures.ratings === 0 && figures.sessionsBelowMinimum === 0)) return null;
  if (figures.ratings === 0) {
    const minimum = Math.max(...sessions.map((session) => session.evaluationMinimum));
    return (
      <figure className="chart">
        <figcaption>
          <strong>{t("ratings")}</strong>
        </figcaption>
        <p>{t("ratingsTooFew", { minimum })}</p>
      </figure>
    );
  }
  return (
    <CategoryChart
      id="ratings"
      title={t("ratings")}
      categories={ratingDistribution(figures)}
      labelOf={(key) => t("ratingPoint", { point: key })}
      locale={locale}
    />
  );
}
