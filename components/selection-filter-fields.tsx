import { getTranslations } from "next-intl/server";
import type { ExportChoices } from "@/lib/export/queries";

type Session = ExportChoices["sessions"][number];

export type SelectionFilterFieldsProps = {
  /** Prefix of the fields' ids ("dashboard", "export"), so each page's ids stay its own. */
  idPrefix: string;
  /** The catalogue namespace holding the labels (programme, allProgrammes, workshop, …, dateHint, from, to, cancelledSession). */
  namespace: "dashboard.filter" | "export.page";
  choices: Pick<ExportChoices, "programmes" | "workshops" | "sessions">;
  filter: { programmeId?: string; workshopId?: string; sessionId?: string; from?: string; to?: string };
  /** How a session's date reads in its option. */
  sessionWhen: (session: Session) => string;
  /** Whether the programme choice stands in the row with workshop and session (else above it). */
  programmeInRow?: boolean;
};

/**
 * The selection shared by the dashboard and the export page: programme (when
 * there is more than one), workshop, session (grouped by workshop) and a
 * period, read back as programmeId, workshopId, sessionId, from and to.
 */
export async function SelectionFilterFields({ idPrefix, namespace, choices, filter, sessionWhen, programmeInRow = false }: SelectionFilterFieldsProps) {
  const t = await getTranslations(namespace);
  const titles = new Map(choices.workshops.map((workshop) => [workshop.id, workshop.title]));
  const sessionOption = (session: Session) => {
    const when = sessionWhen(session);
    return session.cancelled ? t("cancelledSession", { when }) : when;
  };
  const programme =
    choices.programmes.length > 1 ? (
      <div className="field">
        <label htmlFor={`${idPrefix}-programme`}>{t("programme")}</label>
        <select id={`${idPrefix}-programme`} name="programmeId" defaultValue={filter.programmeId ?? ""}>
          <option value="">{t("allProgrammes")}</option>
          {choices.programmes.map((programme) => (
            <option key={programme.id} value={programme.id}>
              {programme.name}
            </option>
          ))}
        </select>
      </div>
    ) : null;
  const dateHint = `${idPrefix}-date-hint`;

  return (
    <>
      {programmeInRow ? null : programme}
      <div className="field-row">
        {programmeInRow ? programme : null}
        <div className="field">
          <label htmlFor={`${idPrefix}-workshop`}>{t("workshop")}</label>
          <select id={`${idPrefix}-workshop`} name="workshopId" defaultValue={filter.workshopId ?? ""}>
            <option value="">{t("allWorkshops")}</option>
            {choices.workshops.map((workshop) => (
              <option key={workshop.id} value={workshop.id}>
                {workshop.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-session`}>{t("session")}</label>
          <select id={`${idPrefix}-session`} name="sessionId" defaultValue={filter.sessionId ?? ""}>
            <option value="">{t("allSessions")}</option>
            {choices.workshops.map((workshop) => {
              const sessions = choices.sessions.filter((session) => session.workshopId === workshop.id);
              return sessions.length > 0 ? (
                <optgroup key={workshop.id} label={titles.get(workshop.id)}>
                  {sessions.map((session) => (
                    <option key={session.id} value={session.id}>
                      {sessionOption(session)}
                    </option>
                  ))}
                </optgroup>
              ) : null;
            })}
          </select>
        </div>
      </div>
      <p id={dateHint} className="field__hint">
        {t("dateHint")}
      </p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${idPrefix}-from`}>{t("from")}</label>
          <input id={`${idPrefix}-from`} name="from" type="date" defaultValue={filter.from} aria-describedby={dateHint} />
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-to`}>{t("to")}</label>
          <input id={`${idPrefix}-to`} name="to" type="date" defaultValue={filter.to} aria-describedby={dateHint} />
        </div>
      </div>
    </>
  );
}
