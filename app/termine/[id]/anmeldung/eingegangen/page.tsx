import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LocalizedSpan } from "@/components/localized-span";
import { localizedText } from "@/lib/i18n/localized-text";
import { getCurrentProgramme } from "@/lib/programmes/queries";
import { getRegistrationTarget } from "@/lib/registrations/queries";
import { formatDate, formatTime } from "@/lib/time/format";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registration"))("received.title"), robots: { index: false, follow: false } };
}

/**
 * Where every received registration lands: new, repeated, or while
 * registered for another date. It says only what the visitor chose, never
 * anything about the address (docs/decisions/0014); the email says what
 * happened.
 */
export default async function RegistrationReceivedPage({ params }: Props) {
  const target = await getRegistrationTarget((await params).id);
  if (!target) notFound();
  const t = await getTranslations("registration");
  const programmeT = await getTranslations("programme");
  const locale = await getLocale();
  const { session, workshop } = target;
  const contactEmail = (await getCurrentProgramme())?.contactEmail ?? null;
  const when = programmeT("sessionTime", {
    date: formatDate(session.startsAt, session.timeZone, locale),
    start: formatTime(session.startsAt, session.timeZone, locale),
    end: formatTime(session.endsAt, session.timeZone, locale),
  });
  return (
    <>
      <h1>{t("received.title")}</h1>
      <div className="notice notice--success" role="status">
        <p>{t.rich("received.intro", { workshop: () => <LocalizedSpan value={localizedText(locale, workshop.title, workshop.titleEn)} /> })}</p>
      </div>
      <dl className="facts">
        <dt>{t("sessionLabel")}</dt>
        <dd>
          <time dateTime={session.startsAt.toISOString()}>{when}</time> · {programmeT(`format.${session.format}`)}
        </dd>
      </dl>
      <p>{t("received.next")}</p>
      <p>{t("received.spam")}</p>
      {contactEmail ? <p>{t("received.contact", { email: contactEmail })}</p> : null}
      <p>
        <Link href="/">{t("received.back")}</Link>
      </p>
    </>
  );
}
