import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MessageForm } from "@/components/organiser-message-form";
import { SessionWhen } from "@/components/organiser-session-when";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getSessionForOrganiser } from "@/lib/sessions/organiser-queries";
import { submitMessage } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiser.message");
  return { title: t("title") };
}

export default async function MessagePage({ params }: Props) {
  const { id } = await params;
  const back = `/organisation/termine/${id}` as const;
  const session = await organiserRead((actor) => getSessionForOrganiser(actor, id), `${back}/nachricht`);
  const t = await getTranslations("organiser");
  const groups = session.started ? ["ATTENDED", "CONFIRMED", "WAITLISTED"] : ["CONFIRMED", "WAITLISTED"];
  return (
    <>
      <p>
        <Link href={back}>{t("session.backToSession")}</Link>
      </p>
      <h1>
        {t("message.title")}
        <span className="org-subtitle">
          {session.workshopTitle}, <SessionWhen session={session} />
        </span>
      </h1>
      <p>{t("message.intro")}</p>
      <MessageForm action={submitMessage} sessionId={session.id} groups={groups} />
    </>
  );
}
