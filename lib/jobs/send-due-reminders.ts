import "server-only";
import { db } from "../db";
import { renderReminder } from "../email/templates/reminder";
import { calendarAttachment, invitationFor } from "../email/registration-email";
import { issueManageUrl } from "../registrations/notifications";
import { mailBase, mailSession, sendToRegistration, sessionMailContexts } from "../sessions/session-mail";
import { hoursUntil } from "./reminder-timing";

export type ReminderReport = {
  /** Sessions whose reminder this call sent (claimed and committed). */
  sessions: number;
  /** Reminder emails written to the outbox. */
  reminders: number;
};

/**
 * Writes the reminder for every session whose reminder time has come
 * (`startsAt - reminderHours <= now < startsAt`) to the outbox, once per
 * session. Claiming the session (setting reminderSentAt where it is still
 * NULL) and writing the emails happen in one transaction: a second worker
 * waits on the row and then finds it claimed, a crash rolls both back, so
 * each confirmed participant gets exactly one reminder.
 */
export async function sendDueReminders(now: Date = new Date()): Promise<ReminderReport> {
  const candidates = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "sessions"
    WHERE "status" = 'SCHEDULED' AND "reminderHours" > 0 AND "reminderSentAt" IS NULL
      AND "startsAt" > ${now}::timestamptz
      AND "startsAt" - "reminderHours" * interval '1 hour' <= ${now}::timestamptz
    ORDER BY "startsAt"`;

  const report: ReminderReport = { sessions: 0, reminders: 0 };
  for (const candidate of candidates) {
    const sent = await remindSession(candidate.id, now);
    if (sent === null) continue;
    report.sessions += 1;
    report.reminders += sent;
  }
  return report;
}

/** Null when another worker claimed the session first or it is no longer due. */
async function remindSession(sessionId: string, now: Date): Promise<number | null> {
  return db.$transaction(
    async (tx) => {
      // The conditions are checked again on the locked row: the session may
      // have been moved, cancelled or claimed since the candidates were read.
      const claimed = await tx.$queryRaw<{ startsAt: Date; reminderHours: number }[]>`
        UPDATE "sessions" SET "reminderSentAt" = ${now}::timestamptz
        WHERE "id" = ${sessionId}::uuid AND "reminderSentAt" IS NULL
          AND "status" = 'SCHEDULED' AND "reminderHours" > 0
          AND "startsAt" > ${now}::timestamptz
          AND "startsAt" - "reminderHours" * interval '1 hour' <= ${now}::timestamptz
        RETURNING "startsAt", "reminderHours"`;
      const session = claimed[0];
      if (!session) return null;

      const hoursBefore = hoursUntil(session.startsAt, now, session.reminderHours);
      // Only confirmed seats: the reminder carries the join link.
      const participants = await sessionMailContexts(tx, sessionId, ["CONFIRMED"]);
      for (const participant of participants) {
        const base = mailBase(participant);
        const manageUrl = await issueManageUrl(tx, participant.id);
        const email = renderReminder({ ...base, session: mailSession(participant), hoursBefore, manageUrl });
        await sendToRegistration(tx, "reminder", participant, email, [calendarAttachment(invitationFor(participant, "REQUEST"), "REQUEST", base.locale)]);
      }
      return participants.length;
    },
    // A session of a few hundred participants renders that many emails here.
    { maxWait: 30_000, timeout: 120_000 },
  );
}
