import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AlternativeDates, SessionList } from "@/components/session-list";
import { InstrumentList, MaterialList } from "@/components/workshop-details";
import { programmeFeedUrls } from "@/lib/calendar/programme-feed";
import { localizedText } from "@/lib/i18n/localized-text";
import { getCurrentProgramme } from "@/lib/programmes/queries";
import { listPublishedWorkshops } from "@/lib/workshops/queries";

export const dynamic = "force-dynamic";

export default async function ProgrammePage() {
  const t = await getTranslations("programme");
  const locale = await getLocale();
  const programme = await getCurrentProgramme();
  if (!programme) return <NotSetUp />;
  const workshops = await listPublishedWorkshops(programme.id);
  const feed = programmeFeedUrls();
  const name = localizedText(locale, programme.name, programme.nameEn);
  const description = localizedText(locale, programme.description, programme.descriptionEn);

  return (
    <>
      <h1 lang={name.lang}>{name.text}</h1>
      {description.text.split("\n\n").map((paragraph) => (
        <p key={paragraph} className="lead" lang={description.lang}>
          {paragraph}
        </p>
      ))}

      <section aria-labelledby="why">
        <h2 id="why">{t("whyHeading")}</h2>
        <ul className="check-list">
          <li>{t("benefits.insights")}</li>
          <li>{t("benefits.exchange")}</li>
          <li>{t("benefits.materials")}</li>
        </ul>
        <p>{t("closing")}</p>
      </section>

      <ul className="org-links">
        <li>
          <Link href="/instrumente">{t("library.link")}</Link>
        </li>
        <li>
          <a href={feed.webcal}>{t("calendarFeed.subscribe")}</a> (<a href="/kalender.ics">{t("calendarFeed.download")}</a>)
        </li>
      </ul>

      <section aria-labelledby="workshops">
        <h2 id="workshops">{t("workshopsHeading")}</h2>
        {workshops.length === 0 ? <p>{t("noWorkshops")}</p> : null}
        {workshops.map((workshop, index) => {
          const title = localizedText(locale, workshop.title, workshop.titleEn);
          const summary = localizedText(locale, workshop.summary, workshop.summaryEn);
          return (
            <article key={workshop.id} className="workshop" aria-labelledby={`workshop-${workshop.slug}`}>
              <h3 className="workshop__title" id={`workshop-${workshop.slug}`}>
                <span className="workshop__number">Workshop {index + 1}:</span> <span lang={title.lang}>{title.text}</span>
              </h3>
              <p lang={summary.lang}>{summary.text}</p>
              <AlternativeDates sessions={workshop.sessions} />
              <section className="workshop__section">
                <h4>{t("sessionsHeading")}</h4>
                <SessionList sessions={workshop.sessions} />
              </section>
              <InstrumentList instruments={workshop.instruments} />
              <MaterialList materials={workshop.materials} />
              <p>
                <Link href={`/workshops/${workshop.slug}`} aria-label={t("moreAboutLabel", { title: title.text })}>
                  {t("moreAbout")}
                </Link>
              </p>
            </article>
          );
        })}
      </section>
    </>
  );
}

/** A fresh installation: what to do, instead of an empty page (no programme set up yet). */
async function NotSetUp() {
  const common = await getTranslations("common");
  return (
    <>
      <h1>{common("setup.title")}</h1>
      <p>{common("notConfigured")}</p>
      <p>{common("setup.what")}</p>
      <p>
        <Link href="/organisation/admin/programme/neu">{common("setup.link")}</Link>
      </p>
    </>
  );
}
