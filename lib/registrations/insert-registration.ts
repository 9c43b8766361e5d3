import "server-only";
import { randomUUID } from "node:crypto";
import { preparedQuery } from "../db";
import { newMessageId } from "../email/enqueue-email";
import type { RegistrationEmailTemplate } from "../email/registration-email";
import { rateLimitSql, type RateLimitCheck } from "../rate-limit/consume-rate-limit";
import { registrationWindowOpenSql } from "./seats";

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
  | { stored: false; reason: "registered-for-other-date"; otherSessionId: string }
  | { stored: false; reason: "session-full" | "registration-closed" | "rate-limited" };

/**
 * A registration as one statement, hence one round trip and one short
 * implicit transaction (docs/decisions/0010). Unless the address is
 * registered for another date of the workshop, it takes a free seat, or else
 * (with the waiting list on) the next waiting-list ticket, on the session
 * row, and stores the registration, its manage-token hash and its first
 * email (a template the outbox worker renders: the seat's email, or the
 * waiting-list email with the place in the queue). The session row is
 * locked only while this statement runs. The same statement counts the
 * attempt against the rate limits (`limits`) and takes nothing when one is
 * exceeded. When nothing could be taken nothing is stored. A second active
 * registration of the address for the session fails on the partial unique
 * index (error 23505) and stores nothing, the counting included.
 */
export async function insertRegistration(row: NewRegistration, email: RegistrationEmailTemplate, limits: RateLimitCheck[]): Promise<InsertOutcome> {
  const counting = rateLimitSql(limits, 23);
  const { rows } = await preparedQuery<{ stored: boolean; position: number | null; otherSessionId: string | null; open: boolean; withinLimits: boolean }>(
    `insert-registration-${limits.length}`,
    `WITH ${counting.ctes.map((cte) => `${cte}, `).join("")}allowed AS (
       SELECT ${counting.within} AS "ok"
     ), other AS (
       SELECT r."sessionId" FROM "registrations" r JOIN "sessions" s ON s."id" = r."sessionId"
       WHERE r."email" = $7 AND r."status" IN ('PENDING', 'CONFIRMED', 'WAITLISTED') AND s."workshopId" = $2::uuid AND s."id" <> $3::uuid
       LIMIT 1
     ), seat AS (
       UPDATE "sessions" SET "confirmedCount" = "confirmedCount" + 1, "updatedAt" = now()
       WHERE "id" = $3::uuid AND "status" = 'SCHEDULED' AND "confirmedCount" < "capacity" AND ${registrationWindowOpenSql}
         AND (SELECT "ok" FROM allowed) AND NOT EXISTS (SELECT 1 FROM other)
       RETURNING "id"
     ), ticket AS (
       -- Only runs when no seat was taken: the row is updated once at most.
       UPDATE "sessions" SET "waitlistTicket" = "waitlistTicket" + 1, "updatedAt" = now()
       WHERE "id" = $3::uuid AND "status" = 'SCHEDULED' AND "waitlistEnabled" AND ${registrationWindowOpenSql}
         AND (SELECT "ok" FROM allowed) AND NOT EXISTS (SELECT 1 FROM other) AND NOT EXISTS (SELECT 1 FROM seat)
       RETURNING "id", "waitlistTicket"
     ), place AS (
       SELECT "id", NULL::integer AS "ticket", NULL::integer AS "position" FROM seat
       UNION ALL
       SELECT "id", "waitlistTicket", "waitlist_rank"("id", "waitlistTicket") FROM ticket
     ), registration AS (
       INSERT INTO "registrations" ("id", "sessionId", "status", "waitlistPosition", "firstName", "lastName", "email", "organisation", "role",
         "accessibilityNeeds", "answers", "locale", "privacyNoticeId", "consentedAt", "confirmedAt", "holdExpiresAt", "createdAt", "updatedAt")
       SELECT $1::uuid, place."id",
         CASE WHEN place."ticket" IS NULL THEN $4::"RegistrationStatus" ELSE 'WAITLISTED'::"RegistrationStatus" END, place."ticket",
         $5, $6, $7, $8, $9::"ParticipantRole", $10, $11::jsonb, $12, $13::uuid, $14,
         CASE WHEN place."ticket" IS NULL THEN $15::timestamptz END, CASE WHEN place."ticket" IS NULL THEN $16::timestamptz END, now(), now()
       FROM place
       RETURNING "id"
     ), token AS (
       INSERT INTO "manage_tokens" ("hash", "registrationId", "createdAt") SELECT $17, "id", now() FROM registration
     ), mail AS (
       INSERT INTO "outbox_messages" ("id", "messageId", "kind", "toAddress", "replyTo", "template", "registrationId", "status", "attempts", "nextAttemptAt", "createdAt")
       SELECT $18::uuid, $19, CASE WHEN place."ticket" IS NULL THEN $20 ELSE 'waitlisted' END, $7, $21,
         CASE WHEN place."ticket" IS NULL THEN $22::jsonb
              ELSE jsonb_set($22::jsonb, '{message}', jsonb_build_object('kind', 'waitlisted', 'position', place."position")) END,
         registration."id", 'PENDING', 0, now(), now()
       FROM registration CROSS JOIN place
     )
     SELECT EXISTS (SELECT 1 FROM registration) AS "stored", (SELECT "position" FROM place) AS "position", (SELECT "ok" FROM allowed) AS "withinLimits",
       (SELECT "sessionId" FROM other) AS "otherSessionId",
       EXISTS (SELECT 1 FROM "sessions" WHERE "id" = $3::uuid AND "status" = 'SCHEDULED' AND ${registrationWindowOpenSql}) AS "open"`,
    [
      row.id, row.workshopId, row.sessionId, row.status, row.firstName, row.lastName, row.email, row.organisation, row.role,
      row.accessibilityNeeds, JSON.stringify(row.answers), row.locale, row.privacyNoticeId, row.consentedAt, row.confirmedAt, row.holdExpiresAt,
      row.manageTokenHash,
      randomUUID(), newMessageId(), email.message.kind, email.context.session.workshop.programme.contactEmail, JSON.stringify(email),
      ...counting.values,
    ],
  );
  const result = rows[0]!;
  if (!result.withinLimits) return { stored: false, reason: "rate-limited" };
  if (result.stored) return { stored: true, waitlistPosition: result.position };
  if (result.otherSessionId) return { stored: false, reason: "registered-for-other-date", otherSessionId: result.otherSessionId };
  return { stored: false, reason: result.open ? "session-full" : "registration-closed" };
}
