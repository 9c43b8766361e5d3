import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CancelSessionForm } from "@/components/organiser-cancel-session-form";
import { SessionSubpage } from "@/components/organiser-session-subpage";
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
  const back = `/organisation/termine/${id}` as const;
  const session = await organiserRead((actor) => getSessionForOrganiser(actor, id), `${back}/absagen`);
  const t = await getTranslations("organiser");
  return (
    <SessionSubpage session={session} title={t("cancelSession.title")}>
      <p className="notice notice--warning">{t("cancelSession.intro", { count: session.confirmedCount + session.waitlistCount + session.pendingCount })}</p>
      <CancelSessionForm action={submitSessionCancellation} sessionId={session.id} backHref={back} />
    </SessionSubpage>
  );
}
