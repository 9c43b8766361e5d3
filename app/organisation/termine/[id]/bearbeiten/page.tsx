import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SessionForm } from "@/components/organiser-session-form";
import { SessionSubpage } from "@/components/organiser-session-subpage";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getSessionForOrganiser } from "@/lib/sessions/organiser-queries";
import { sessionFormValues } from "@/lib/sessions/schema";
import { submitSessionChanges } from "./actions";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiser.sessionForm");
  return { title: t("editTitle") };
}

export default async function EditSessionPage({ params }: Props) {
  const { id } = await params;
  const back = `/organisation/termine/${id}` as const;
  const session = await organiserRead((actor) => getSessionForOrganiser(actor, id), `${back}/bearbeiten`);
  const t = await getTranslations("organiser");
  return (
    <SessionSubpage session={session} title={t("sessionForm.editTitle")}>
      <SessionForm
        action={submitSessionChanges}
        target={{ sessionId: session.id }}
        initialValues={sessionFormValues(session)}
        seatsTaken={session.confirmedCount}
        cancelHref={back}
      />
    </SessionSubpage>
  );
}
