import { getLocale, getTranslations } from "next-intl/server";
import type { AttendeeRow } from "@/lib/attendees/queries";
import type { OrganiserSessionDetail } from "@/lib/sessions/organiser-queries";
import { formatShortDate } from "@/lib/time/format";
import { ScrollRegion } from "./scroll-region";

type Props = {
  session: OrganiserSessionDetail;
  attendees: AttendeeRow[];
  cancelAction: (form: FormData) => Promise<void>;
  promoteAction: (form: FormData) => Promise<void>;
  decideAction: (form: FormData) => Promise<void>;
};

/** The registrations of a session with what organisers can do per person; plain forms throughout. */
export async function AttendeeTable({ session, attendees, cancelAction, promoteAction, decideAction }: Props) {
  const t = await getTranslations("organiser.attendees");
  const roles = await getTranslations("registration.roles");
  const locale = await getLocale();
  const full = session.confirmedCount >= session.capacity;
  const open = session.status === "SCHEDULED";
  return (
    <ScrollRegion label={t("caption")}>
      <table>
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.name")}</th>
            <th scope="col">{t("columns.organisation")}</th>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("columns.registered")}</th>
            {open ? <th scope="col">{t("columns.actions")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {attendees.map((attendee) => {
            const name = `${attendee.firstName} ${attendee.lastName}`;
            const active = attendee.status === "CONFIRMED" || attendee.status === "WAITLISTED" || attendee.status === "PENDING";
            return (
              <tr key={attendee.id}>
                <th scope="row">
                  {name}
                  <br />
                  <span className="meta org-break">{attendee.email}</span>
                </th>
                <td>
                  {attendee.organisation}
                  <br />
                  <span className="meta">{roles(attendee.role)}</span>
                  {attendee.accessibilityNeeds ? <p className="org-note">{t("accessibility", { needs: attendee.accessibilityNeeds })}</p> : null}
                  {attendee.answers.length > 0 ? (
                    <details>
                      <summary>{t("answers")}</summary>
                      <dl className="org-answers">
                        {attendee.answers.map((answer) => (
                          <div key={answer.label}>
                            <dt>{answer.label}</dt>
                            <dd>{answer.value}</dd>
                          </div>
                        ))}
                      </dl>
                    </details>
                  ) : null}
                </td>
                <td>
                  <span className={`org-status org-status--${attendee.status.toLowerCase()}`}>
                    {attendee.awaitingApproval ? t("statuses.AWAITING_APPROVAL") : t(`statuses.${attendee.status}`, { rank: attendee.waitlistRank ?? 0 })}
                  </span>
                  {attendee.attended !== null ? (
                    <>
                      <br />
                      <span className="meta">{attendee.attended ? t("attended.yes") : t("attended.no")}</span>
                    </>
                  ) : null}
                </td>
                <td>{formatShortDate(attendee.registeredAt, session.timeZone, locale)}</td>
                {open ? (
                  <td>
                    <div className="org-actions org-actions--stacked">
                      {attendee.status === "WAITLISTED" ? (
                        <form action={promoteAction}>
                          <input type="hidden" name="sessionId" value={session.id} />
                          <input type="hidden" name="registrationId" value={attendee.id} />
                          {full ? <input type="hidden" name="override" value="1" /> : null}
                          <button type="submit" className="button button--small">
                            {full ? t("promoteOverride") : t("promote")}
                            <span className="visually-hidden"> ({name})</span>
                          </button>
                        </form>
                      ) : null}
                      {attendee.awaitingApproval ? (
                        <>
                          <form action={decideAction}>
                            <input type="hidden" name="sessionId" value={session.id} />
                            <input type="hidden" name="registrationId" value={attendee.id} />
                            <input type="hidden" name="decision" value="approve" />
                            <button type="submit" className="button button--small">
                              {t("approve")}
                              <span className="visually-hidden"> ({name})</span>
                            </button>
                          </form>
                          <details className="org-confirm">
                            <summary>
                              {t("reject")}
                              <span className="visually-hidden"> ({name})</span>
                            </summary>
                            <form action={decideAction}>
                              <input type="hidden" name="sessionId" value={session.id} />
                              <input type="hidden" name="registrationId" value={attendee.id} />
                              <input type="hidden" name="decision" value="reject" />
                              <label htmlFor={`reject-message-${attendee.id}`}>{t("rejectMessage")}</label>
                              <textarea id={`reject-message-${attendee.id}`} name="message" rows={3} maxLength={2000} />
                              <button type="submit" className="button button--danger button--small">
                                {t("rejectConfirm", { name })}
                              </button>
                            </form>
                          </details>
                        </>
                      ) : null}
                      {active ? (
                        <details className="org-confirm">
                          <summary>
                            {t("cancel")}
                            <span className="visually-hidden"> ({name})</span>
                          </summary>
                          <p className="meta">{t("cancelHint")}</p>
                          <form action={cancelAction}>
                            <input type="hidden" name="sessionId" value={session.id} />
                            <input type="hidden" name="registrationId" value={attendee.id} />
                            <button type="submit" className="button button--danger button--small">
                              {t("cancelConfirm", { name })}
                            </button>
                          </form>
                        </details>
                      ) : null}
                    </div>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
