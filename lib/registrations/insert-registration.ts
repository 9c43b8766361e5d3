import "server-only";
import { randomUUID } from "node:crypto";
import { preparedQuery } from "../db";
import { newMessageId } from "../email/enqueue-email";
import type { RegistrationEmailTemplate } from "../email/registration-email";
import { namedParameters } from "../database/named-parameters";
import { rateLimitSql, type RateLimitCheck } from "../rate-limit/consume-rate-limit";
import { registrationWindowOpenSql, seatFreeSql, waitlistOpenSql } from "./seats";

export type NewRegistration = {
  id: string;
  sessionId: string;
  workshopId: string;
  /** With a seat; a waiting-list entry is WAITLISTED instead. */
  status: "CONFIRMED" | "PENDING";
  firstName: string;
  lastName: string;
  email: string;
  organisation: string;
  role: string;
  accessibilityNeeds: string | null;
  answers: Record<string, unknown>;
  locale: string;
  privacyNoticeId: string;
  consentedAt: Date;
  confirmedAt: Date | null;
  holdExpiresAt: Date | null;
  manageTokenHash: string;
};

export type InsertOutcome =
  | { stored: true; waitlistPosition: number | null }
  | { stored: false; reason: "already-registered" | "registered-for-other-date"; registrationId: string }
  | { stored: false; reason: "session-full" | "registration-closed" | "rate-limited" };

/** The double opt-in token for this attempt; stored (as its hash) only if an opt-in email is queued. */
export type ConfirmToken = { hash: string; url: string };

// The email about the address's active registration, as the outbox template
// the worker renders (lib/email/registration-email.ts), built from that
// registration's row and its session's; the workshop and programme parts are
// those of the submitted session, the same workshop.
const resentTemplateSql = `jsonb_build_object(
  'context', ($template::jsonb -> 'context') || jsonb_build_object(
    'id', resend."id", 'firstName', resend."firstName", 'lastName', resend."lastName", 'locale', resend."locale", 'status', resend."status",
    'waitlistPosition', resend."waitlistPosition", 'holdExpiresAt', resend."holdExpiresAt", 'sessionId', resend."sessionId",
    'session', ($template::jsonb #> '{context,session}') || jsonb_build_object(
      'id', resend."sessionId", 'startsAt', resend."startsAt", 'endsAt', resend."endsAt", 'timeZone', resend."timeZone", 'format', resend."format",
      'joinUrl', resend."joinUrl", 'location', resend."location", 'sequence', resend."sequence")),
  'message', CASE resend."kind"
    WHEN 'registered-for-other-date' THEN jsonb_build_object('kind', resend."kind", 'requested', jsonb_build_object(
      'startsAt', $template::jsonb #> '{context,session,startsAt}', 'endsAt', $template::jsonb #> '{context,session,endsAt}', 'timeZone', $template::jsonb #> '{context,session,timeZone}'))
    WHEN 'waitlisted' THEN jsonb_build_object('kind', resend."kind", 'position', "waitlist_rank"(resend."sessionId", COALESCE(resend."waitlistPosition", 0)))
    WHEN 'opt-in' THEN jsonb_build_object('kind', resend."kind", 'confirmUrl', $confirmUrl::text)
    ELSE jsonb_build_object('kind', resend."kind") END,
  'manageUrl', $template::jsonb -> 'manageUrl')`;

/**
 * A registration attempt as one statement, hence one round trip and one short
 * implicit transaction (docs/decisions/0010). It counts the attempt against
 * the rate limits (`limits`) and does nothing else when one is exceeded.
 *
 * An address without an active registration for the workshop takes a free
 * seat, or else (with the waiting list on) the next waiting-list ticket, on
 * the session row (locked only while this statement runs), and stores the
 * registration, its manage-token hash and its first email (a template the
 * outbox worker renders: `email`, or the waiting-list email with the place in
 * the queue).
 *
 * An address that already has one (for this session or for another date)
 * gets, if a new person could register now, an email about that
 * registration instead: the same one again, or the one saying it is for
 * another date, with a fresh manage link. Nothing else changes (but a new
 * opt-in token replaces the old one). The caller answers both alike, and the
 * two paths write to the same tables in the same statement, so that neither
 * the answer nor its timing tells who is registered (docs/decisions/0014).
 *
 * Two concurrent first registrations of one address for one session: the
 * second fails on the partial unique index (error 23505) and stores
 * nothing, the counting included; the caller tries once more.
 */
export async function insertRegistration(
  row: NewRegistration,
  email: RegistrationEmailTemplate,
  confirmToken: ConfirmToken,
  limits: RateLimitCheck[],
): Promise<InsertOutcome> {
  const counting = rateLimitSql(limits);
  const statement = namedParameters(
    `WITH ${counting.ctes.map((cte) => `${cte}, `).join("")}allowed AS (
       SELECT ${counting.within} AS "ok"
     ), target AS (
       SELECT ("status" = 'SCHEDULED' AND ${registrationWindowOpenSql}) AS "open",
         (((${seatFreeSql}) OR (${waitlistOpenSql})) AND ${registrationWindowOpenSql}) AS "available"
       FROM "sessions" WHERE "id" = $sessionId::uuid
     ), existing AS (
       -- The address's active registration in this workshop, this session's first.
       SELECT r."id", r."sessionId", r."status", r."waitlistPosition", r."holdExpiresAt", r."emailConfirmedAt", r."firstName", r."lastName", r."locale",
         s."startsAt", s."endsAt", s."timeZone", s."format", s."joinUrl", s."location", s."sequence"
       FROM "registrations" r JOIN "sessions" s ON s."id" = r."sessionId"
       WHERE r."email" = $email AND r."status" IN ('PENDING', 'CONFIRMED', 'WAITLISTED') AND s."workshopId" = $workshopId::uuid
       ORDER BY r."sessionId" = $sessionId::uuid DESC
       LIMIT 1
     ), seat AS (
       UPDATE "sessions" SET "confirmedCount" = "confirmedCount" + 1, "updatedAt" = now()
       WHERE "id" = $sessionId::uuid AND ${seatFreeSql} AND ${registrationWindowOpenSql}
         AND (SELECT "ok" FROM allowed) AND NOT EXISTS (SELECT 1 FROM existing)
       RETURNING "id"
     ), ticket AS (
       -- Only runs when no seat was taken: the row is updated once at most.
       UPDATE "sessions" SET "waitlistTicket" = "waitlistTicket" + 1, "updatedAt" = now()
       WHERE "id" = $sessionId::uuid AND ${waitlistOpenSql} AND ${registrationWindowOpenSql}
         AND (SELECT "ok" FROM allowed) AND NOT EXISTS (SELECT 1 FROM existing) AND NOT EXISTS (SELECT 1 FROM seat)
       RETURNING "id", "waitlistTicket"
     ), place AS (
       SELECT "id", NULL::integer AS "ticket", NULL::integer AS "position" FROM seat
       UNION ALL
       SELECT "id", "waitlistTicket", "waitlist_rank"("id", "waitlistTicket") FROM ticket
     ), registration AS (
       INSERT INTO "registrations" ("id", "sessionId", "status", "waitlistPosition", "firstName", "lastName", "email", "organisation", "role",
         "accessibilityNeeds", "answers", "locale", "privacyNoticeId", "consentedAt", "confirmedAt", "holdExpiresAt", "confirmTokenHash", "createdAt", "updatedAt")
       SELECT $id::uuid, place."id",
         CASE WHEN place."ticket" IS NULL THEN $status::"RegistrationStatus" ELSE 'WAITLISTED'::"RegistrationStatus" END, place."ticket",
         $firstName, $lastName, $email, $organisation, $role::"ParticipantRole", $accessibilityNeeds, $answers::jsonb, $locale, $privacyNoticeId::uuid, $consentedAt,
         CASE WHEN place."ticket" IS NULL THEN $confirmedAt::timestamptz END, CASE WHEN place."ticket" IS NULL THEN $holdExpiresAt::timestamptz END,
         CASE WHEN place."ticket" IS NULL AND $holdExpiresAt::timestamptz IS NOT NULL THEN $confirmTokenHash::text END, now(), now()
       FROM place
       RETURNING "id"
     ), resend AS (
       -- Only when a new person could register now: a full or closed session answers alike for everyone.
       SELECT existing.*, CASE
           WHEN existing."sessionId" <> $sessionId::uuid THEN 'registered-for-other-date'
           WHEN existing."status" = 'CONFIRMED' THEN 'registration-confirmed'
           WHEN existing."status" = 'WAITLISTED' THEN 'waitlisted'
           WHEN existing."holdExpiresAt" IS NOT NULL AND existing."emailConfirmedAt" IS NULL THEN 'opt-in'
           ELSE 'registration-received' END AS "kind"
       FROM existing
       WHERE (SELECT "ok" FROM allowed) AND COALESCE((SELECT "available" FROM target), false)
     ), rotate AS (
       UPDATE "registrations" SET "confirmTokenHash" = $confirmTokenHash::text, "updatedAt" = now()
       WHERE "id" = (SELECT "id" FROM resend WHERE "kind" = 'opt-in')
     ), token AS (
       INSERT INTO "manage_tokens" ("hash", "registrationId", "createdAt")
       SELECT $manageTokenHash, "id", now() FROM registration UNION ALL SELECT $manageTokenHash, "id", now() FROM resend
     ), mail AS (
       INSERT INTO "outbox_messages" ("id", "messageId", "kind", "toAddress", "replyTo", "template", "registrationId", "status", "attempts", "nextAttemptAt", "createdAt")
       SELECT $outboxId::uuid, $messageId, message."kind", $email, $replyTo, message."template", message."registrationId", 'PENDING', 0, now(), now()
       FROM (
         SELECT registration."id" AS "registrationId", CASE WHEN place."ticket" IS NULL THEN $messageKind ELSE 'waitlisted' END AS "kind",
           CASE WHEN place."ticket" IS NULL THEN $template::jsonb
                ELSE jsonb_set($template::jsonb, '{message}', jsonb_build_object('kind', 'waitlisted', 'position', place."position")) END AS "template"
         FROM registration CROSS JOIN place
         UNION ALL
         SELECT resend."id", resend."kind", ${resentTemplateSql} FROM resend
       ) message
     )
     SELECT EXISTS (SELECT 1 FROM registration) AS "stored", (SELECT "position" FROM place) AS "position", (SELECT "ok" FROM allowed) AS "withinLimits",
       (SELECT "id" FROM resend) AS "existingId", (SELECT "kind" FROM resend) AS "resentKind",
       COALESCE((SELECT "open" FROM target), false) AS "open"`,
    {
      ...row,
      answers: JSON.stringify(row.answers),
      outboxId: randomUUID(),
      messageId: newMessageId(),
      messageKind: email.message.kind,
      replyTo: email.context.session.workshop.programme.contactEmail,
      template: JSON.stringify(email),
      confirmTokenHash: confirmToken.hash,
      confirmUrl: confirmToken.url,
      ...counting.values,
    },
  );
  const { rows } = await preparedQuery<{
    stored: boolean;
    position: number | null;
    withinLimits: boolean;
    open: boolean;
    existingId: string | null;
    resentKind: string | null;
  }>(`insert-registration-${limits.length}`, statement.text, statement.values);
  const result = rows[0]!;
  if (!result.withinLimits) return { stored: false, reason: "rate-limited" };
  if (result.stored) return { stored: true, waitlistPosition: result.position };
  if (result.existingId) {
    return {
      stored: false,
      reason: result.resentKind === "registered-for-other-date" ? "registered-for-other-date" : "already-registered",
      registrationId: result.existingId,
    };
  }
  return { stored: false, reason: result.open ? "session-full" : "registration-closed" };
}
