// A session's form values as the start of a new session of the same workshop
// ("Termin duplizieren"): everything kept, the date and the registration
// window moved by the same number of days. Pure; wall-clock dates in the
// session's time zone, as the form shows them.

const DAY_MS = 24 * 60 * 60 * 1000;

function shiftDate(date: string, days: number): string {
  const [year, month, day] = date.split("-").map(Number);
  if (!year || !month || !day) return date;
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "2026-05-14" or "2026-05-01T09:00" moved by `days` calendar days; "" stays "". */
function shiftLocal(value: string, days: number): string {
  if (!value) return value;
  const [date = "", time] = value.split("T");
  return time === undefined ? shiftDate(date, days) : `${shiftDate(date, days)}T${time}`;
}

export function copiedSessionValues(values: Record<string, string>, days = 7): Record<string, string> {
  return {
    ...values,
    date: shiftLocal(values.date ?? "", days),
    registrationOpens: shiftLocal(values.registrationOpens ?? "", days),
    registrationCloses: shiftLocal(values.registrationCloses ?? "", days),
  };
}
