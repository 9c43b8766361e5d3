import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AlternativeDates, SessionList } from "@/components/session-list";
import { InstrumentList, MaterialList } from "@/components/workshop-details";
import { localizedList, localizedText } from "@/lib/i18n/localized-text";
import { getCurrentProgramme } from "@/lib/programmes/queries";
import { getPublishedWorkshop } from "@/lib/workshops/queries";

type Props = { params: Promise<{ slug: string }> };

async function load(slug: string) {
  const programme = await getCurrentProgramme();
  return programme ? getPublishedWorkshop(programme.id, slug) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const workshop = await load((await params).slug);
  if (!workshop) return {};
  const locale = await getLocale();
  return { title: localizedText(locale, workshop.title, workshop.titleEn).text, description: localizedText(locale, workshop.summary, workshop.summaryEn).text };
}

export default async function WorkshopPage({ params }: Props) {
  const workshop = await load((await params).slug);
  if (!workshop) notFound();
  const t = await getTranslations("programme");
  const locale = await getLocale();
  const title = localizedText(locale, workshop.title, workshop.titleEn);
  const summary = localizedText(locale, workshop.summary, workshop.summaryEn);
  const description = localizedText(locale, workshop.description, workshop.descriptionEn);
  const questions = localizedList(locale, workshop.guidingQuestions, workshop.guidingQuestionsEn);
  return (
    <article className="workshop workshop--page">
      <h1 lang={title.lang}>{title.text}</h1>
      <p className="lead" lang={summary.lang}>
        {summary.text}
      </p>
      {description.text
        .split(/\n{2,}/)
        .filter(Boolean)
        .map((paragraph) => (
          <p key={paragraph} lang={description.lang}>
            {paragraph}
          </p>
        ))}
      {questions.items.length > 0 ? (
        <section className="workshop__section">
          <h2>{t("questionsHeading")}</h2>
          <ul lang={questions.lang}>
            {questions.items.map((question) => (
              <li key={question}>{question}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="workshop__section">
        <h2>{t("sessionsHeading")}</h2>
        <AlternativeDates sessions={workshop.sessions} />
        <SessionList sessions={workshop.sessions} />
      </section>
      <InstrumentList instruments={workshop.instruments} heading="h2" />
      <MaterialList materials={workshop.materials} heading="h2" />
    </article>
  );
}
