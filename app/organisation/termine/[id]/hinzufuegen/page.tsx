import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AddAttendeeForm } from "@/components/organiser-add-attendee-form";
import { SessionSubpage } from "@/components/organiser-session-subpage";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getSessionForOrganiser } from "@/lib/sessions/organiser-queries";
import { submitAttendee } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiser.addAttendee");
  return { title: t("title") };
}

export default async function AddAttendeePage({ params }: Props) {
  const { id } = await params;
  const back = `/organisation/termine/${id}` as const;
  const session = await organiserRead((actor) => getSessionForOrganiser(actor, id), `${back}/hinzufuegen`);
  const t = await getTranslations("organiser");
  const full = session.confirmedCount >= session.capacity;
  return (
    <SessionSubpage session={session} title={t("addAttendee.title")}>
      <p>{t("addAttendee.intro")}</p>
      {full ? <p className="notice notice--warning">{t("addAttendee.full", { capacity: session.capacity })}</p> : null}
      <AddAttendeeForm action={submitAttendee} sessionId={session.id} full={full} />
    </SessionSubpage>
  );
}
