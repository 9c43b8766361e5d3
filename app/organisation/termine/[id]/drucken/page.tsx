import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SessionWhen } from "@/components/organiser-session-when";
import { listAttendees, type AttendeeRow } from "@/lib/attendees/queries";
import { organiserRead } from "@/lib/auth/organiser-action";
import { getSessionForOrganiser } from "@/lib/sessions/organiser-queries";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiser.print");
  return { title: t("title") };
}

async function PrintTable({ attendees, signature }: { attendees: AttendeeRow[]; signature: boolean }) {
  const t = await getTranslations("organiser");
  const roles = await getTranslations("registration.roles");
  if (attendees.length === 0) return <p>{t("print.empty")}</p>;
  return (
    <table className="org-print-table">
      <thead>
        <tr>
          <th scope="col">{t("print.number")}</th>
          <th scope="col">{t("attendees.columns.name")}</th>
          <th scope="col" className="org-print-table__organisation">
            {t("attendees.columns.organisation")}
          </th>
          {signature ? (
            <th scope="col" className="org-print-table__signature">
              {t("print.signature")}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {attendees.map((attendee, index) => (
          <tr key={attendee.id}>
            <td>{index + 1}</td>
            <td>
              {attendee.lastName}, {attendee.firstName}
              {/* On a phone the institution stands under the name (one column less); on paper it has its own column. */}
              <span className="org-print-table__phone">
                <span>{attendee.organisation}</span>
                <span>{roles(attendee.role)}</span>
              </span>
            </td>
            <td className="org-print-table__organisation">
              {attendee.organisation} ({roles(attendee.role)})
            </td>
            {signature ? <td className="org-print-table__signature" /> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A plain list for printing (see the print styles in globals.css). */
export default async function PrintPage({ params }: Props) {
  const { id } = await params;
  const [session, confirmed, waiting] = await organiserRead(
    (actor) =>
      Promise.all([
        getSessionForOrganiser(actor, id),
        listAttendees(actor, id, { q: "", status: "CONFIRMED", sort: "name" }),
        listAttendees(actor, id, { q: "", status: "WAITLISTED", sort: "status" }),
      ]),
    `/organisation/termine/${id}/drucken`,
  );
  const t = await getTranslations("organiser");
  return (
    <article className="org-print">
      <p className="org-print__hint no-print">{t("print.hint")}</p>
      <h1>
        {t("print.title")}: {session.workshopTitle}
        <span className="org-subtitle">
          <SessionWhen session={session} />
        </span>
      </h1>
      <p>{t("seats", { confirmed: session.confirmedCount, capacity: session.capacity })}</p>
      <h2>{t("print.confirmedHeading")}</h2>
      <PrintTable attendees={confirmed} signature />
      {waiting.length > 0 ? (
        <>
          <h2>{t("print.waitlistHeading")}</h2>
          <PrintTable attendees={waiting} signature={false} />
        </>
      ) : null}
    </article>
  );
}
