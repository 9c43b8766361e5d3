import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { FormChecksScript } from "@/components/form-checks-script";
import { RegistrationForm } from "@/components/registration-form";
import { localizedText } from "@/lib/i18n/localized-text";
import { getRegistrationTarget } from "@/lib/registrations/queries";
import { acceptsRegistrations } from "@/lib/sessions/availability";
import { formatDate, formatTime } from "@/lib/time/format";
import { submitRegistration } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const target = await getRegistrationTarget((await params).id);
  if (!target) return {};
  const t = await getTranslations("registration");
  const locale = await getLocale();
  return {
    title: t("pageTitle", { workshop: localizedText(locale, target.workshop.title, target.workshop.titleEn).text }),
    description: localizedText(locale, target.workshop.summary, target.workshop.summaryEn).text,
    robots: { index: false },
  };
}

export default async function RegisterPage({ params }: Props) {
  const target = await getRegistrationTarget((await params).id);
  if (!target || !target.privacyNotice) notFound();
  const t = await getTranslations("registration");
  const programmeT = await getTranslations("programme");
  const locale = await getLocale();
  const messages = await getMessages();
  const { session, workshop } = target;
  const { availability } = session;
  const title = localizedText(locale, workshop.title, workshop.titleEn);
  const privacyNotice = localizedText(locale, target.privacyNotice.text, target.privacyNotice.textEn);
  const when = programmeT("sessionTime", {
    date: formatDate(session.startsAt, session.timeZone, locale),
    start: formatTime(session.startsAt, session.timeZone, locale),
    end: formatTime(session.endsAt, session.timeZone, locale),
  });

  return (
    <>
      <p className="eyebrow">{t("heading")}</p>
      <h1 lang={title.lang}>{title.text}</h1>
      <dl className="facts">
        <dt>{t("sessionLabel")}</dt>
        <dd>
          <time dateTime={session.startsAt.toISOString()}>{when}</time> · {programmeT(`format.${session.format}`)}
        </dd>
      </dl>
      {workshop.sessionCount > 1 ? (
        <p className="notice">
          {t("alternativeDatesHint", { count: workshop.sessionCount })} <Link href={`/workshops/${workshop.slug}`}>{t("otherDatesLink")}</Link>
        </p>
      ) : null}
      {availability.state === "waitlist" ? <p className="notice notice--warning">{t("waitlistNotice")}</p> : null}
      {acceptsRegistrations(availability) ? (
        <NextIntlClientProvider messages={{ common: messages.common, registration: messages.registration }}>
          <RegistrationForm
            action={submitRegistration}
            sessionId={session.id}
            locale={locale}
            privacyNotice={{ version: target.privacyNotice.version, text: privacyNotice.text, lang: privacyNotice.lang }}
            waitlist={availability.state === "waitlist"}
            questions={target.questions.map((question) => ({
              id: question.id,
              type: question.type,
              required: question.required,
              label: locale === "en" ? question.labelEn : question.labelDe,
              options: question.options.map((option) => ({ value: option.value, label: locale === "en" ? option.labelEn : option.labelDe })),
            }))}
          />
          <FormChecksScript />
        </NextIntlClientProvider>
      ) : (
        <p className="notice notice--warning">
          {t("closedNotice", {
            reason:
              availability.state === "not-yet-open"
                ? programmeT("availability.not-yet-open", { date: formatDate(availability.opensAt, session.timeZone, locale) })
                : programmeT(`availability.${availability.state}`, { seats: 0 }),
          })}
        </p>
      )}
    </>
  );
}
