import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SessionForm } from "@/components/organiser-session-form";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getWorkshopForEditing } from "@/lib/workshops/organiser-queries";
import { submitNewSession } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const workshop = await organiserRead(async (actor) => getWorkshopForEditing(actor, (await params).id));
  const t = await getTranslations("organiser.sessionForm");
  return { title: t("createTitle", { workshop: workshop.title }) };
}

const defaults = { startTime: "14:00", endTime: "16:00", capacity: "100", waitlistEnabled: "on", format: "ONLINE", reminderHours: "24" };

export default async function NewSessionPage({ params }: Props) {
  const { id } = await params;
  const workshop = await organiserRead((actor) => getWorkshopForEditing(actor, id), `/organisation/workshops/${id}/termine/neu`);
  const t = await getTranslations("organiser");
  const back = `/organisation/workshops/${workshop.id}` as const;
  return (
    <>
      <p>
        <Link href={back}>{t("workshops.back")}</Link>
      </p>
      <h1>{t("sessionForm.createTitle", { workshop: workshop.title })}</h1>
      <SessionForm action={submitNewSession} target={{ workshopId: workshop.id }} initialValues={defaults} cancelHref={back} />
    </>
  );
}
