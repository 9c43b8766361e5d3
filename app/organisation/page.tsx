import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SessionWhen } from "@/components/organiser-session-when";
import { organiserRead } from "@/lib/auth/organiser-action";
import { listUpcomingSessions } from "@/lib/sessions/organiser-queries";
import { ScrollRegion } from "@/components/scroll-region";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiser.dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const sessions = await organiserRead((actor) => listUpcomingSessions(actor));
  const t = await getTranslations("organiser");
  return (
    <>
      <h1>{t("dashboard.title")}</h1>
      <p className="lead">{t("dashboard.intro")}</p>
      {sessions.length === 0 ? (
        <p>
          {t("dashboard.empty")} <Link href="/organisation/workshops">{t("dashboard.toWorkshops")}</Link>
        </p>
      ) : (
        <ScrollRegion label={t("dashboard.caption")}>
          <table>
            <caption className="visually-hidden">{t("dashboard.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dashboard.columns.session")}</th>
                <th scope="col">{t("dashboard.columns.workshop")}</th>
                <th scope="col">{t("dashboard.columns.seats")}</th>
                <th scope="col">{t("dashboard.columns.waitlist")}</th>
                <th scope="col">{t("dashboard.columns.state")}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td>
                    <Link href={`/organisation/termine/${session.id}`}>
                      <SessionWhen session={session} />
                    </Link>
                  </td>
                  <td>{session.workshopTitle}</td>
                  <td>{t("seats", { confirmed: session.confirmedCount, capacity: session.capacity })}</td>
                  <td>{session.waitlistCount}</td>
                  <td>
                    <span className={`fill fill--${session.fill}`}>{t(`fill.${session.fill}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
