import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { OrganiserFlash } from "@/components/organiser-flash";
import { SessionWhen } from "@/components/organiser-session-when";
import { organiserRead } from "@/lib/auth/organiser-action";
import { readFlash } from "@/lib/organiser/flash";
import { formatShortDate } from "@/lib/time/format";
import { getWorkshopForEditing } from "@/lib/workshops/organiser-queries";
import { submitPublished } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const workshop = await organiserRead(async (actor) => getWorkshopForEditing(actor, (await params).id));
  return { title: workshop.title };
}

export default async function WorkshopPage({ params, searchParams }: Props) {
  const { id } = await params;
  const workshop = await organiserRead((actor) => getWorkshopForEditing(actor, id), `/organisation/workshops/${id}`);
  const t = await getTranslations("organiser");
  const locale = await getLocale();
  const flash = readFlash(await searchParams);
  return (
    <>
      <p>
        <Link href="/organisation/workshops">{t("workshops.backToList")}</Link>
      </p>
      <h1>{workshop.title}</h1>
      <OrganiserFlash flash={flash} />
      <dl className="facts">
        <dt>{t("workshop.status")}</dt>
        <dd>{workshop.published ? t("workshops.published") : t("workshops.draft")}</dd>
      </dl>
      {workshop.published || workshop.actorMayPublish ? (
        <form action={submitPublished} className="org-inline-form">
          <input type="hidden" name="workshopId" value={workshop.id} />
          <input type="hidden" name="published" value={workshop.published ? "0" : "1"} />
          <button type="submit" className={workshop.published ? "button button--quiet" : "button"}>
            {workshop.published ? t("workshop.unpublish") : t("workshop.publish")}
          </button>
        </form>
      ) : null}
      <p className="meta">{t("workshop.publishHint")}</p>
      {workshop.actorMayPublish ? null : <p className="notice">{t("workshop.publishByAdmin")}</p>}
      <ul className="org-links">
        <li>
          <Link href={`/organisation/workshops/${workshop.id}/texte`}>{t("workshop.editTexts")}</Link>
        </li>
        {workshop.published ? (
          <li>
            <Link href={`/workshops/${workshop.slug}`}>{t("workshop.publicLink")}</Link>
          </li>
        ) : null}
      </ul>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("workshop.sessionsHeading")}</h2>
        {workshop.sessions.length === 0 ? (
          <p>{t("workshop.noSessions")}</p>
        ) : (
          <ul className="org-session-list">
            {workshop.sessions.map((session) => (
              <li key={session.id}>
                <Link href={`/organisation/termine/${session.id}`}>
                  <SessionWhen session={session} />
                </Link>
                <span className="meta">
                  {" "}
                  · {t("seats", { confirmed: session.confirmedCount, capacity: session.capacity })} ·{" "}
                  <span className={`fill fill--${session.fill}`}>{t(`fill.${session.fill}`)}</span> ·{" "}
                  <Link
                    href={`/organisation/workshops/${workshop.id}/termine/neu?vorlage=${session.id}`}
                    aria-label={t("sessionCopy.linkLabel", { date: formatShortDate(session.startsAt, session.timeZone, locale) })}
                  >
                    {t("sessionCopy.link")}
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href={`/organisation/workshops/${workshop.id}/termine/neu`} className="button">
            {t("workshop.newSession")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="form-heading">
        <h2 id="form-heading">{t("workshop.formHeading")}</h2>
        <p>{t("workshop.formSummary", { count: workshop.questions.length })}</p>
        <p>
          <Link href={`/organisation/workshops/${workshop.id}/fragen`}>{t("workshop.editQuestions")}</Link>
        </p>
      </section>

      <section aria-labelledby="instruments-heading">
        <h2 id="instruments-heading">{t("workshop.instrumentsHeading")}</h2>
        <p>
          {t("workshop.instrumentsSummary", { count: workshop.instruments.length })} {workshop.instruments.map((instrument) => instrument.title).join(" · ")}
        </p>
        <p>
          <Link href={`/organisation/workshops/${workshop.id}/instrumente`}>{t("workshop.editInstruments")}</Link>
        </p>
      </section>

      <section aria-labelledby="materials-heading">
        <h2 id="materials-heading">{t("workshop.materialsHeading")}</h2>
        <p>{t("workshop.materialsSummary", { count: workshop.materials.length })}</p>
        <p>
          <Link href={`/organisation/workshops/${workshop.id}/materialien`}>{t("workshop.editMaterials")}</Link>
        </p>
      </section>

      <section aria-labelledby="evaluation-heading">
        <h2 id="evaluation-heading">{t("evaluation.workshopHeading")}</h2>
        <p>{t("evaluation.workshopSummary")}</p>
        <ul className="org-session-list">
          <li>
            <Link href={`/organisation/workshops/${workshop.id}/bewertungsbogen`}>{t("evaluation.questionsLink")}</Link>
          </li>
          <li>
            <Link href={`/organisation/workshops/${workshop.id}/auswertung`}>{t("evaluation.resultsLink")}</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
