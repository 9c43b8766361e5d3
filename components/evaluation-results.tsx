// Results of one group of evaluation responses (a workshop's or a session's):
// per question a table of counts and shares, the average of a rating, the
// free texts. Presentational; server components only (no client state).
import { useLocale, useTranslations } from "next-intl";
import type { QuestionSummary } from "@/lib/evaluation/summarise-answers";

export function EvaluationResults({ summaries, headingLevel, idPrefix }: { summaries: QuestionSummary[]; headingLevel: 3 | 4; idPrefix: string }) {
  const t = useTranslations("organiser.evaluation");
  const locale = useLocale();
  const english = locale === "en";
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const share = (count: number, total: number) =>
    total > 0 ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(count / total) : "–";
  return (
    <>
      {summaries.map((summary, index) => {
        const label = english ? summary.question.labelEn : summary.question.labelDe;
        const headingId = `${idPrefix}-q${index}`;
        return (
          <section key={summary.question.id} aria-labelledby={headingId} className="evaluation-question">
            <Heading id={headingId}>{label}</Heading>
            {summary.answered === 0 ? (
              <p>{t("noAnswers")}</p>
            ) : summary.kind === "text" ? (
              <>
                <p className="meta">{t("answeredCount", { count: summary.answered })}</p>
                <ul className="evaluation-texts" aria-label={t("textsLabel")}>
                  {summary.texts.map((text, position) => (
                    <li key={position}>{text}</li>
                  ))}
                </ul>
              </>
            ) : (
              <>
                {summary.kind === "rating" && summary.average !== null ? (
                  <p>
                    <strong>
                      {t("average", { average: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(summary.average), count: summary.answered })}
                    </strong>
                  </p>
                ) : (
                  <p className="meta">{t("answeredCount", { count: summary.answered })}</p>
                )}
                <div className="org-table">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{summary.kind === "rating" ? t("point") : t("answer")}</th>
                        <th scope="col">{t("count")}</th>
                        <th scope="col">{t("share")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {summary.kind === "rating"
                        ? summary.distribution.map((row) => (
                            <tr key={row.point}>
                              <th scope="row">
                                {row.point}
                                {row.point === 1 ? ` (${english ? summary.question.scaleLowEn : summary.question.scaleLowDe})` : null}
                                {row.point === 5 ? ` (${english ? summary.question.scaleHighEn : summary.question.scaleHighDe})` : null}
                              </th>
                              <td>{row.count}</td>
                              <td>{share(row.count, summary.answered)}</td>
                            </tr>
                          ))
                        : summary.distribution.map((row) => (
                            <tr key={row.value}>
                              <th scope="row">{english ? row.labelEn : row.labelDe}</th>
                              <td>{row.count}</td>
                              <td>{share(row.count, summary.answered)}</td>
                            </tr>
                          ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>
        );
      })}
    </>
  );
}
