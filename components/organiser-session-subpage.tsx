import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { OrganiserSessionDetail } from "@/lib/sessions/organiser-queries";
import { SessionWhen } from "./organiser-session-when";

/**
 * The frame of a page about one session (edit, cancel, add a person): the way
 * back, the title with workshop and date, and, for a cancelled session, a
 * notice in place of the page's content.
 */
export async function SessionSubpage({ session, title, children }: { session: OrganiserSessionDetail; title: string; children: React.ReactNode }) {
  const t = await getTranslations("organiser");
  return (
    <>
      <p>
        <Link href={`/organisation/termine/${session.id}`}>{t("session.backToSession")}</Link>
      </p>
      <h1>
        {title}
        <span className="org-subtitle">
          {session.workshopTitle}, <SessionWhen session={session} />
        </span>
      </h1>
      {session.status === "CANCELLED" ? <p className="notice notice--error">{t("outcome.session-cancelled")}</p> : children}
    </>
  );
}
