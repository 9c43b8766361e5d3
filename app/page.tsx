import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SessionList } from "@/components/session-list";
import { InstrumentList, MaterialList } from "@/components/workshop-details";
import { programmeFeedUrls } from "@/lib/calendar/programme-feed";
import { getCurrentProgramme } from "@/lib/programmes/queries";
import { listPublishedWorkshops } from "@/lib/workshops/queries";

export const dynamic = "force-dynamic";

export default async function ProgrammePage() {
  const t = await getTranslations("programme");
  const common = await getTranslations("common");
  const programme = await getCurrentProgramme();
  if (!programme) return <p>{common("notConfigured")}</p>;
  const workshops = await listPublishedWorkshops(programme.id);
  const feed = programmeFeedUrls();

  return (
    <>
      <h1>{programme.name}</h1>
      {programme.description.split("\n\n").map((paragraph) => (
        <p key={paragraph} className="lead">
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
        {workshops.map((workshop, index) => (
          <article key={workshop.id} className="workshop" aria-labelledby={`workshop-${workshop.slug}`}>
            <h3 className="workshop__title" id={`workshop-${workshop.slug}`}>
              <span className="workshop__number">Workshop {index + 1}:</span> {workshop.title}
            </h3>
            <p>{workshop.summary}</p>
            {workshop.sessions.length > 1 ? <p className="notice">{t("alternativeDates", { count: workshop.sessions.length })}</p> : null}
            <section className="workshop__section">
              <h4>{t("sessionsHeading")}</h4>
              <SessionList sessions={workshop.sessions} />
            </section>
            <InstrumentList instruments={workshop.instruments} />
            <MaterialList materials={workshop.materials} />
            <p>
              <Link href={`/workshops/${workshop.slug}`} aria-label={t("moreAboutLabel", { title: workshop.title })}>
                {t("moreAbout")}
              </Link>
            </p>
          </article>
        ))}
      </section>
    </>
  );
}
