import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { EvaluationForm } from "@/components/evaluation-form";
import { localizedText } from "@/lib/i18n/localized-text";
import { openEvaluationForm } from "@/lib/evaluation/open-evaluation-form";
import { clientIp } from "@/lib/http/client-ip";
import { formatDate, formatTime } from "@/lib/time/format";
import { submitEvaluationForm } from "./actions";

type Props = { params: Promise<{ token: string }> };

// Once per request: the title and the page share one lookup, so a wrong link counts once against the address.
const openForm = cache(async (token: string) => openEvaluationForm(token, clientIp(await headers())));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const form = await openForm((await params).token);
  const t = await getTranslations("evaluation");
  if (form === "rate-limited") return { title: t("rateLimited.title"), robots: { index: false } };
  if (form === "unknown") return {};
  return {
    title: t("form.pageTitle", { workshop: localizedText(await getLocale(), form.workshopTitle, form.workshopTitleEn).text }),
    robots: { index: false },
  };
}

export default async function EvaluationPage({ params }: Props) {
  const { token } = await params;
  const form = await openForm(token);
  if (form === "unknown") notFound();
  const t = await getTranslations("evaluation");
  if (form === "rate-limited") {
    // Nothing was looked up: the same page for the right link and a guessed one, until the window has passed.
    return (
      <>
        <h1>{t("rateLimited.title")}</h1>
        <p className="notice notice--warning">{t("rateLimited.text")}</p>
      </>
    );
  }
  const programmeT = await getTranslations("programme");
  const locale = await getLocale();
  const { session } = form;
  const when = programmeT("sessionTime", {
    date: formatDate(session.startsAt, session.timeZone, locale),
    start: formatTime(session.startsAt, session.timeZone, locale),
    end: formatTime(session.endsAt, session.timeZone, locale),
  });
  const english = locale === "en";
  const title = localizedText(locale, form.workshopTitle, form.workshopTitleEn);
  return (
    <>
      <p className="eyebrow">{t("form.eyebrow")}</p>
      <h1 lang={title.lang}>{title.text}</h1>
      <dl className="facts">
        <dt>{t("form.sessionLabel")}</dt>
        <dd>
          <time dateTime={session.startsAt.toISOString()}>{when}</time>
        </dd>
      </dl>
      {form.answered ? (
        <section className="notice notice--success" aria-labelledby="answered-heading">
          <h2 id="answered-heading">{t("answered.title")}</h2>
          <p>{t("answered.text")}</p>
        </section>
      ) : (
        <>
          <p>{t("form.intro")}</p>
          <section className="notice evaluation-anonymous" aria-labelledby="anonymous-heading">
            <h2 id="anonymous-heading">{t("form.anonymousTitle")}</h2>
            <p>{t("form.anonymous")}</p>
            <p>{t("form.once")}</p>
          </section>
          <EvaluationForm
            action={submitEvaluationForm}
            token={token}
            questions={form.questions.map((question) => ({
              id: question.id,
              type: question.type,
              required: question.required,
              label: english ? question.labelEn : question.labelDe,
              options: question.options.map((option) => ({ value: option.value, label: english ? option.labelEn : option.labelDe })),
              scaleLow: english ? question.scaleLowEn : question.scaleLowDe,
              scaleHigh: english ? question.scaleHighEn : question.scaleHighDe,
            }))}
          />
        </>
      )}
    </>
  );
}
