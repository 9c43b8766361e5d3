import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EvaluationResults } from "@/components/evaluation-results";
import { OrganiserFlash } from "@/components/organiser-flash";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getEvaluationResults } from "@/lib/evaluation/queries";
import { exportFormats } from "@/lib/export/export-filter";
import { readFlash } from "@/lib/organiser/flash";
import { formatDate, formatTime } from "@/lib/time/format";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const results = await organiserRead(async (actor) => getEvaluationResults(actor, (await params).id));
  const t = await getTranslations("organiser.evaluation");
  return { title: t("resultsTitle", { workshop: results.workshop.title }) };
}

export default async function EvaluationResultsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const results = await organiserRead((actor) => getEvaluationResults(actor, id), `/organisation/workshops/${id}/auswertung`);
  const t = await getTranslations("organiser");
  const locale = await getLocale();
  const workshopId = results.workshop.id;
  const minimum = results.minimumAnswers;
  return (
    <>
      <p>
        <Link href={`/organisation/workshops/${workshopId}`}>{t("workshops.back")}</Link>
      </p>
      <h1>{t("evaluation.resultsTitle", { workshop: results.workshop.title })}</h1>
      <OrganiserFlash flash={readFlash(query)} />
      <p>{t("evaluation.resultsIntro", { minimum })}</p>
      <p>
        <Link href={`/organisation/workshops/${workshopId}/bewertungsbogen`}>{t("evaluation.questionsLink")}</Link>
      </p>
      <dl className="facts">
        <dt>{t("evaluation.invited")}</dt>
        <dd>{results.invited}</dd>
        <dt>{t("evaluation.responses")}</dt>
        <dd data-testid="evaluation-responses">{results.responses}</dd>
        <dt>{t("evaluation.minimum")}</dt>
        <dd>{minimum}</dd>
      </dl>

      <section aria-labelledby="overall-heading">
        <h2 id="overall-heading">{t("evaluation.overallHeading")}</h2>
        {results.summaries ? (
          <>
            {results.withheldResponses > 0 ? <p className="notice">{t("evaluation.withheld", { count: results.withheldResponses, minimum })}</p> : null}
            <EvaluationResults summaries={results.summaries} headingLevel={3} idPrefix="alle" />
          </>
        ) : (
          <p className="notice">{t("evaluation.tooFew", { count: results.responses, minimum })}</p>
        )}
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("evaluation.sessionsHeading")}</h2>
        {results.sessions.length === 0 ? <p>{t("evaluation.noSessions")}</p> : null}
        {results.sessions.map((session, index) => {
          const headingId = `termin-${index}`;
          return (
            <section key={session.id} aria-labelledby={headingId} className="evaluation-session">
              <h3 id={headingId}>
                {t("sessionTime", {
                  date: formatDate(session.startsAt, session.timeZone, locale),
                  start: formatTime(session.startsAt, session.timeZone, locale),
                  end: formatTime(session.endsAt, session.timeZone, locale),
                })}
              </h3>
              <p>{t("evaluation.sessionCounts", { responses: session.responses, invited: session.invited })}</p>
              {session.summaries ? (
                <EvaluationResults summaries={session.summaries} headingLevel={4} idPrefix={headingId} />
              ) : (
                <p className="notice">{t("evaluation.tooFew", { count: session.responses, minimum })}</p>
              )}
            </section>
          );
        })}
      </section>

      <section aria-labelledby="export-heading">
        <h2 id="export-heading">{t("evaluation.exportHeading")}</h2>
        <p>{t("evaluation.exportIntro")}</p>
        <form method="post" action={`/organisation/workshops/${workshopId}/auswertung/export`} className="org-form">
          <fieldset className="field choice-group">
            <legend>{t("evaluation.exportFormat")}</legend>
            {exportFormats.map((format, position) => (
              <div key={format} className="choice">
                <input type="radio" id={`export-format-${format}`} name="format" value={format} defaultChecked={position === 0} />
                <label htmlFor={`export-format-${format}`}>{t(`evaluation.exportFormats.${format}`)}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button">
            {t("evaluation.exportSubmit")}
          </button>
        </form>
      </section>
    </>
  );
}
