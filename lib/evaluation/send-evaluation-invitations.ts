import "server-only";
import { db } from "../db";
import { env } from "../env";
import { renderEvaluationInvitation } from "../email/templates/evaluation-invitation";
import type { Prisma } from "../generated/prisma/client";
import { issueManageUrl, loadRegistrationMailContext } from "../registrations/notifications";
import { mailBase, mailSession, sendToRegistration } from "../sessions/session-mail";
import { createEvaluationToken, evaluationPath } from "./evaluation-token";

export type EvaluationMailReport = { invitations: number; reminders: number };

/**
 * Only sessions whose evaluation became due within this many days are looked
 * at: when the feature is switched on, or a workshop's evaluation enabled,
 * people of sessions long past get nothing out of the blue.
 */
export const EVALUATION_SEND_WINDOW_DAYS = 7;
/** Bounds one round; whatever is left waits for the next round a minute later. */
const BATCH_SIZE = 500;

type Tx = Prisma.TransactionClient;

/** The evaluation mails due now: first invitations, then reminders. */
export async function sendEvaluationMails(now: Date = new Date()): Promise<EvaluationMailReport> {
  return { invitations: await sendEvaluationInvitations(now), reminders: await sendEvaluationReminders(now) };
}

/**
 * One mail with a personal link to the evaluation for everyone who should
 * evaluate a session whose evaluation is due (its end plus the delay):
 * confirmed participants marked as attended, or, where the workshop allows it
 * and nobody's attendance was taken for the session, every confirmed
 * participant. Each mail is written in one transaction with the
 * registration's invitation row, whose primary key is the registration: a
 * second worker reading the same candidates waits on that key, then finds it
 * taken and sends nothing. Exactly one mail per person.
 */
export async function sendEvaluationInvitations(now: Date = new Date()): Promise<number> {
  const candidates = await db.$queryRaw<{ id: string }[]>`
    SELECT r."id" FROM "registrations" r
    JOIN "sessions" s ON s."id" = r."sessionId"
    JOIN "workshops" w ON w."id" = s."workshopId"
    JOIN "programmes" p ON p."id" = w."programmeId"
    WHERE s."status" = 'SCHEDULED' AND w."evaluationEnabled"
      AND s."endsAt" + COALESCE(w."evaluationDelayHours", p."evaluationDelayHours") * interval '1 hour' <= ${now}::timestamptz
      AND s."endsAt" + COALESCE(w."evaluationDelayHours", p."evaluationDelayHours") * interval '1 hour'
        > ${now}::timestamptz - ${EVALUATION_SEND_WINDOW_DAYS}::int * interval '1 day'
      AND r."status" = 'CONFIRMED' AND r."anonymisedAt" IS NULL
      AND (r."attended" IS TRUE OR (
        w."evaluationRecipients" = 'ATTENDED_OR_CONFIRMED'
        AND NOT EXISTS (SELECT 1 FROM "registrations" taken WHERE taken."sessionId" = s."id" AND taken."attended" IS NOT NULL)))
      AND NOT EXISTS (SELECT 1 FROM "evaluation_invitations" i WHERE i."registrationId" = r."id")
      AND EXISTS (
        SELECT 1 FROM "evaluation_questions" q
        WHERE (w."evaluationOwnQuestions" AND q."workshopId" = w."id") OR (NOT w."evaluationOwnQuestions" AND q."programmeId" = w."programmeId"))
    ORDER BY s."endsAt", r."id"
    LIMIT ${BATCH_SIZE}::int`;

  let sent = 0;
  for (const candidate of candidates) {
    const invited = await db.$transaction((tx) => inviteRegistration(tx, candidate.id));
    if (invited) sent += 1;
  }
  return sent;
}

async function inviteRegistration(tx: Tx, registrationId: string): Promise<boolean> {
  const context = await loadRegistrationMailContext(tx, registrationId);
  if (!context || context.status !== "CONFIRMED") return false;
  const { token, hash } = createEvaluationToken();
  const marked = await tx.$executeRaw`
    INSERT INTO "evaluation_invitations" ("registrationId", "sessionId", "tokenHash")
    VALUES (${registrationId}::uuid, ${context.sessionId}::uuid, ${hash})
    ON CONFLICT DO NOTHING`;
  if (marked === 0) return false;
  await sendToRegistration(tx, "evaluation-invitation", context, await evaluationEmail(tx, registrationId, token, false));
  return true;
}

/**
 * The one reminder, `reminderDays` after the invitation, to people who have
 * not answered. Claimed by a conditional update of the invitation in the
 * same transaction as the outbox row, so it goes out once. The reminder
 * carries a fresh link (only hashes are stored); the first one keeps working.
 */
export async function sendEvaluationReminders(now: Date = new Date()): Promise<number> {
  const due = await db.$queryRaw<{ registrationId: string }[]>`
    SELECT i."registrationId" FROM "evaluation_invitations" i
    JOIN "sessions" s ON s."id" = i."sessionId"
    JOIN "workshops" w ON w."id" = s."workshopId"
    JOIN "programmes" p ON p."id" = w."programmeId"
    JOIN "registrations" r ON r."id" = i."registrationId"
    WHERE NOT i."answered" AND i."reminderSentAt" IS NULL AND w."evaluationEnabled"
      AND r."status" = 'CONFIRMED' AND r."anonymisedAt" IS NULL
      AND COALESCE(w."evaluationReminderDays", p."evaluationReminderDays") > 0
      AND i."createdAt" + COALESCE(w."evaluationReminderDays", p."evaluationReminderDays") * interval '1 day' <= ${now}::timestamptz
      AND i."createdAt" + COALESCE(w."evaluationReminderDays", p."evaluationReminderDays") * interval '1 day'
        > ${now}::timestamptz - ${EVALUATION_SEND_WINDOW_DAYS}::int * interval '1 day'
    ORDER BY i."createdAt", i."registrationId"
    LIMIT ${BATCH_SIZE}::int`;

  let sent = 0;
  for (const invitation of due) {
    const reminded = await db.$transaction(async (tx) => {
      const { token, hash } = createEvaluationToken();
      const claimed = await tx.$executeRaw`
        UPDATE "evaluation_invitations" SET "reminderSentAt" = ${now}::timestamptz, "reminderTokenHash" = ${hash}
        WHERE "registrationId" = ${invitation.registrationId}::uuid AND NOT "answered" AND "reminderSentAt" IS NULL`;
      if (claimed === 0) return false;
      const context = await loadRegistrationMailContext(tx, invitation.registrationId);
      if (!context) return false;
      await sendToRegistration(tx, "evaluation-reminder", context, await evaluationEmail(tx, invitation.registrationId, token, true));
      return true;
    });
    if (reminded) sent += 1;
  }
  return sent;
}

async function evaluationEmail(tx: Tx, registrationId: string, token: string, reminder: boolean) {
  const context = (await loadRegistrationMailContext(tx, registrationId))!;
  const { attended } = await tx.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { attended: true } });
  // The certificate of attendance is for people marked as attended only; it is downloaded from the manage link.
  const certificateUrl = attended === true ? await issueManageUrl(tx, registrationId) : null;
  return renderEvaluationInvitation({
    ...mailBase(context),
    session: mailSession(context),
    evaluationUrl: new URL(evaluationPath(token), env().APP_URL).toString(),
    certificateUrl,
    reminder,
  });
}
