import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SessionList } from "@/components/session-list";
import { InstrumentList, MaterialList } from "@/components/workshop-details";
import { getCurrentProgramme } from "@/lib/programmes/queries";
import { getPublishedWorkshop } from "@/lib/workshops/queries";

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  const programme = await getCurrentProgramme();
  return programme ? getPublishedWorkshop(programme.id, slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const workshop = await load((await params).slug);
  return workshop ? { title: workshop.title, description: workshop.summary } : {};
}

export default async function WorkshopPage({ params }: Props) {
  const workshop = await load((await params).slug);
  if (!workshop) notFound();
  const t = await getTranslations("programme");
  return (
    <article className="workshop workshop--page">
      <h1>{workshop.title}</h1>
      <p className="lead">{workshop.summary}</p>
      <p>{workshop.description}</p>
      {workshop.guidingQuestions.length > 0 ? (
        <section className="workshop__section">
          <h2>{t("questionsHeading")}</h2>
          <ul>
            {workshop.guidingQuestions.map((question) => (
              <li key={question}>{question}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="workshop__section">
        <h2>{t("sessionsHeading")}</h2>
        {workshop.sessions.length > 1 ? <p className="notice">{t("alternativeDates", { count: workshop.sessions.length })}</p> : null}
        <SessionList sessions={workshop.sessions} />
      </section>
      <InstrumentList instruments={workshop.instruments} heading="h2" />
      <MaterialList materials={workshop.materials} heading="h2" />
    </article>
  );
}
