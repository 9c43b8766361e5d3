// Pure timing rule of the reminder email; no I/O.

/**
 * What the email says about the start ("in 24 hours"): the time actually
 * left, so a reminder that goes out late (the app was down, the session was
 * created or moved inside the reminder window) does not promise a day.
 */
export function hoursUntil(startsAt: Date, now: Date, reminderHours: number): number {
  const left = Math.round((startsAt.getTime() - now.getTime()) / 3_600_000);
  return Math.min(reminderHours, Math.max(1, left));
}
