import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CancelSessionForm } from "@/components/organiser-cancel-session-form";
import { SessionWhen } from "@/components/organiser-session-when";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getSessionForOrganiser } from "@/lib/sessions/organiser-queries";
import { submitSessionCancellation } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiser.cancelSession");
  return { title: t("title") };
}

export default async function CancelSessionPage({ params }: Props) {
  const { id } = await params;
  const back = `/organisation/termine/${id}`;
  const session = await organiserRead((actor) => getSessionForOrganiser(actor, id), `${back}/absagen`);
  const t = await getTranslations("organiser");
  return (
    <>
      <p>
        <Link href={back}>{t("session.backToSession")}</Link>
      </p>
      <h1>
        {t("cancelSession.title")}
        <span className="org-subtitle">
          {session.workshopTitle}, <SessionWhen session={session} />
        </span>
      </h1>
      {session.status === "CANCELLED" ? (
        <p className="notice notice--error">{t("outcome.session-cancelled")}</p>
      ) : (
        <>
          <p className="notice notice--warning">{t("cancelSession.intro", { count: session.confirmedCount + session.waitlistCount + session.pendingCount })}</p>
          <CancelSessionForm action={submitSessionCancellation} sessionId={session.id} backHref={back} />
        </>
      )}
    </>
  );
}
