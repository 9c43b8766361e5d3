import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SessionForm } from "@/components/organiser-session-form";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getSessionForOrganiser } from "@/lib/sessions/organiser-queries";
import { sessionFormValues } from "@/lib/sessions/schema";
import { copiedSessionValues } from "@/lib/sessions/session-copy";
import { formatShortDate } from "@/lib/time/format";
import { getWorkshopForEditing } from "@/lib/workshops/organiser-queries";
import { submitNewSession } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const workshop = await organiserRead(async (actor) => getWorkshopForEditing(actor, (await params).id));
  const t = await getTranslations("organiser.sessionForm");
  return { title: t("createTitle", { workshop: workshop.title }) };
}

const defaults = { startTime: "14:00", endTime: "16:00", capacity: "100", waitlistEnabled: "on", format: "ONLINE", reminderHours: "24" };

/**
 * A new session; with ?vorlage=<session id> ("Termin duplizieren") the form is
 * filled from that session of the same workshop, a week later.
 */
export default async function NewSessionPage({ params, searchParams }: Props) {
  const { id } = await params;
  const template = (await searchParams).vorlage;
  const path = `/organisation/workshops/${id}/termine/neu`;
  const workshop = await organiserRead((actor) => getWorkshopForEditing(actor, id), path);
  // A template from another workshop (or none the actor may see) is ignored: the plain form.
  const source =
    typeof template === "string" && workshop.sessions.some((session) => session.id === template)
      ? await organiserRead((actor) => getSessionForOrganiser(actor, template), path)
      : null;
  const t = await getTranslations("organiser");
  const locale = await getLocale();
  const back = source ? (`/organisation/termine/${source.id}` as const) : (`/organisation/workshops/${workshop.id}` as const);
  return (
    <>
      <p>
        <Link href={back}>{source ? t("sessionCopy.back") : t("workshops.back")}</Link>
      </p>
      <h1>{source ? t("sessionCopy.title", { workshop: workshop.title }) : t("sessionForm.createTitle", { workshop: workshop.title })}</h1>
      {source ? <p className="lead">{t("sessionCopy.hint", { date: formatShortDate(source.startsAt, source.timeZone, locale) })}</p> : null}
      <SessionForm
        action={submitNewSession}
        target={{ workshopId: workshop.id }}
        initialValues={source ? copiedSessionValues(sessionFormValues(source)) : defaults}
        cancelHref={back}
      />
    </>
  );
}
