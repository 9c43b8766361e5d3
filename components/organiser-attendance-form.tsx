import { getTranslations } from "next-intl/server";
import type { AttendeeRow } from "@/lib/attendees/queries";

/** One radio group per confirmed person; one button saves all. Works without JavaScript. */
export async function AttendanceForm({
  sessionId,
  attendees,
  action,
}: {
  sessionId: string;
  attendees: AttendeeRow[];
  action: (form: FormData) => Promise<void>;
}) {
  const t = await getTranslations("organiser.attendance");
  if (attendees.length === 0) return <p>{t("empty")}</p>;
  const choices = [
    { value: "yes", label: t("yes"), checked: (attended: boolean | null) => attended === true },
    { value: "no", label: t("no"), checked: (attended: boolean | null) => attended === false },
    { value: "", label: t("unknown"), checked: (attended: boolean | null) => attended === null },
  ];
  return (
    <form action={action} className="org-attendance">
      <input type="hidden" name="sessionId" value={sessionId} />
      {attendees.map((attendee) => {
        const name = `${attendee.firstName} ${attendee.lastName}`;
        return (
          <fieldset key={attendee.id} className="org-attendance__person">
            <legend>{t("legend", { name })}</legend>
            {choices.map((choice) => {
              const id = `attended-${attendee.id}-${choice.value || "unknown"}`;
              return (
                <span key={choice.value} className="choice choice--inline">
                  <input type="radio" id={id} name={`attended.${attendee.id}`} value={choice.value} defaultChecked={choice.checked(attendee.attended)} />
                  <label htmlFor={id}>{choice.label}</label>
                </span>
              );
            })}
          </fieldset>
        );
      })}
      <button type="submit" className="button">
        {t("save")}
      </button>
    </form>
  );
}
