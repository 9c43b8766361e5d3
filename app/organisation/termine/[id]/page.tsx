import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AttendanceForm } from "@/components/organiser-attendance-form";
import { AttendeeTable } from "@/components/organiser-attendee-table";
import { OrganiserCertificates } from "@/components/organiser-certificates";
import { OrganiserFlash } from "@/components/organiser-flash";
import { SessionFacts } from "@/components/organiser-session-facts";
import { SessionWhen } from "@/components/organiser-session-when";
import { listAttendees } from "@/lib/attendees/queries";
import { attendeeFilterSchema, attendeeSorts, attendeeStatuses } from "@/lib/attendees/schema";
import { organiserRead } from "@/lib/auth/organiser-action";
import { readFlash } from "@/lib/organiser/flash";
import { getSessionForOrganiser } from "@/lib/sessions/organiser-queries";
import { submitAttendance, submitAttendeeCancellation, submitDecision, submitMaterialsMail, submitPromotion } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const session = await organiserRead(async (actor) => getSessionForOrganiser(actor, (await params).id));
  return { title: session.workshopTitle };
}

export default async function SessionPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const filter = attendeeFilterSchema.parse({ q: typeof query.q === "string" ? query.q : undefined, status: query.status, sort: query.sort });
  const path = `/organisation/termine/${id}` as const;
  const [session, attendees, confirmed] = await organiserRead(
    (actor) =>
      Promise.all([
        getSessionForOrganiser(actor, id),
        listAttendees(actor, id, filter),
        listAttendees(actor, id, { q: "", status: "CONFIRMED", sort: "name" }),
      ]),
    path,
  );
  const t = await getTranslations("organiser");
  const open = session.status === "SCHEDULED";
  return (
    <>
      <p>
        <Link href={`/organisation/workshops/${session.workshopId}`}>{t("session.backToWorkshop")}</Link>
      </p>
      <h1>
        {session.workshopTitle}
        <span className="org-subtitle">
          <SessionWhen session={session} />
        </span>
      </h1>
      <OrganiserFlash flash={readFlash(query)} />
      {!open ? <p className="notice notice--error">{t("session.cancelledNotice")}</p> : null}
      <SessionFacts session={session} />

      <nav aria-label={t("session.actions")}>
        <ul className="org-links">
          {open ? (
            <li>
              <Link href={`${path}/bearbeiten`}>{t("session.edit")}</Link>
            </li>
          ) : null}
          {open ? (
            <li>
              <Link href={`${path}/hinzufuegen`}>{t("session.add")}</Link>
            </li>
          ) : null}
          <li>
            <Link href={`${path}/nachricht`}>{t("session.message")}</Link>
          </li>
          <li>
            <Link href={`${path}/drucken`}>{t("session.print")}</Link>
          </li>
          <li>
            <Link href={`/organisation/workshops/${session.workshopId}/termine/neu?vorlage=${session.id}`}>{t("sessionCopy.link")}</Link>
          </li>
          {open ? (
            <li>
              <Link href={`${path}/absagen`}>{t("session.cancel")}</Link>
            </li>
          ) : null}
        </ul>
      </nav>

      <section aria-labelledby="attendees-heading">
        <h2 id="attendees-heading">{t("attendees.heading")}</h2>
        <form method="get" action={path} className="org-filter">
          <fieldset>
            <legend>{t("attendees.searchLegend")}</legend>
            <div className="org-filter__fields">
              <div className="field">
                <label htmlFor="filter-q">{t("attendees.search")}</label>
                <p id="filter-q-hint" className="field__hint">
                  {t("attendees.searchHint")}
                </p>
                <input id="filter-q" name="q" type="search" defaultValue={filter.q} aria-describedby="filter-q-hint" />
              </div>
              <div className="field">
                <label htmlFor="filter-status">{t("attendees.status")}</label>
                <select id="filter-status" name="status" defaultValue={filter.status ?? ""}>
                  <option value="">{t("attendees.allStatuses")}</option>
                  {attendeeStatuses.map((status) => (
                    <option key={status} value={status}>
                      {t(`attendees.filterStatuses.${status}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="filter-sort">{t("attendees.sort")}</label>
                <select id="filter-sort" name="sort" defaultValue={filter.sort}>
                  {attendeeSorts.map((sort) => (
                    <option key={sort} value={sort}>
                      {t(`attendees.sorts.${sort}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="org-actions">
              <button type="submit" className="button">
                {t("attendees.apply")}
              </button>
              <Link href={path}>{t("attendees.reset")}</Link>
            </div>
          </fieldset>
        </form>
        <p role="status">{t("attendees.count", { count: attendees.length })}</p>
        {attendees.length > 0 ? (
          <AttendeeTable
            session={session}
            attendees={attendees}
            cancelAction={submitAttendeeCancellation}
            promoteAction={submitPromotion}
            decideAction={submitDecision}
          />
        ) : null}
      </section>

      <section aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">{t("attendance.heading")}</h2>
        {session.started ? (
          <>
            <p>{t("attendance.intro")}</p>
            <AttendanceForm sessionId={session.id} attendees={confirmed} action={submitAttendance} />
          </>
        ) : (
          <p>{t("attendance.notStarted")}</p>
        )}
      </section>

      <section aria-labelledby="materials-mail-heading">
        <h2 id="materials-mail-heading">{t("materialsMail.heading")}</h2>
        {session.status === "SCHEDULED" && session.endsAt <= new Date() ? (
          <form action={submitMaterialsMail} className="org-form">
            <p>{t("materialsMail.intro")}</p>
            <input type="hidden" name="sessionId" value={session.id} />
            <fieldset className="field choice-group">
              <legend>{t("materialsMail.recipients")}</legend>
              <div className="choice">
                <input type="radio" id="materials-recipients-confirmed" name="recipients" value="confirmed" defaultChecked />
                <label htmlFor="materials-recipients-confirmed">{t("materialsMail.confirmed", { count: session.confirmedCount })}</label>
              </div>
              <div className="choice">
                <input type="radio" id="materials-recipients-attended" name="recipients" value="attended" />
                <label htmlFor="materials-recipients-attended">{t("materialsMail.attended", { count: session.attendedCount })}</label>
              </div>
            </fieldset>
            <p className="meta">{t("materialsMail.once")}</p>
            <button type="submit" className="button">
              {t("materialsMail.send")}
            </button>
          </form>
        ) : (
          <p>{t("materialsMail.notEnded")}</p>
        )}
      </section>

      <OrganiserCertificates
        path={path}
        ended={session.status === "SCHEDULED" && session.endsAt <= new Date()}
        people={confirmed.filter((attendee) => attendee.attended === true)}
      />
    </>
  );
}
