import "server-only";
import { randomUUID } from "node:crypto";
import { sqlPool } from "../db";
import { newMessageId } from "../email/enqueue-email";
import type { RegistrationEmailTemplate } from "../email/registration-email";
import type { Prisma } from "../generated/prisma/client";
import { registrationWindowOpenSql } from "./seats";

type Tx = Prisma.TransactionClient;

export type NewRegistration = {
  id: string;
  sessionId: string;
  status: "CONFIRMED" | "PENDING" | "WAITLISTED";
  waitlistPosition: number | null;
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

/**
 * Stores a registration and its first manage-token hash in one statement
 * (raw SQL: this is the hot path of a registration rush). The partial unique
 * index refuses a second active registration of the address for the session.
 */
export async function insertRegistration(tx: Tx, row: NewRegistration): Promise<void> {
  await tx.$executeRaw`
    WITH inserted AS (
      INSERT INTO "registrations" ("id", "sessionId", "status", "waitlistPosition", "firstName", "lastName", "email", "organisation", "role",
        "accessibilityNeeds", "answers", "locale", "privacyNoticeId", "consentedAt", "confirmedAt", "holdExpiresAt", "createdAt", "updatedAt")
      VALUES (${row.id}::uuid, ${row.sessionId}::uuid, ${row.status}::"RegistrationStatus", ${row.waitlistPosition}, ${row.firstName}, ${row.lastName},
        ${row.email}, ${row.organisation}, ${row.role}::"ParticipantRole", ${row.accessibilityNeeds}, ${JSON.stringify(row.answers)}::jsonb, ${row.locale},
        ${row.privacyNoticeId}::uuid, ${row.consentedAt}, ${row.confirmedAt}, ${row.holdExpiresAt}, now(), now())
      RETURNING "id"
    )
    INSERT INTO "manage_tokens" ("hash", "registrationId", "createdAt") SELECT ${row.manageTokenHash}, "id", now() FROM inserted`;
}

/** The seat turned out to be taken: the new registration waits instead. */
export async function moveToWaitlist(tx: Tx, registrationId: string, ticket: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE "registrations" SET "status" = 'WAITLISTED', "waitlistPosition" = ${ticket}, "confirmedAt" = NULL, "holdExpiresAt" = NULL
    WHERE "id" = ${registrationId}::uuid`;
}

export type FreeSeatOutcome = { seated: true } | { seated: false; otherSessionId: string | null };

/**
 * The common case of a registration rush as one statement, hence one round
 * trip and one short implicit transaction (docs/decisions/0010): unless the
 * address is registered for another date of the workshop, it takes a free
 * seat and stores the registration, its manage-token hash and its email
 * (as a template, rendered by the outbox worker). The session row is locked
 * only while this statement runs. When no seat was taken nothing is stored,
 * and the caller goes the transactional way (waiting list, full, closed).
 * A second active registration of the address for the session fails on the
 * partial unique index, like insertRegistration.
 */
export async function registerIntoFreeSeat(
  row: NewRegistration & { status: "CONFIRMED" | "PENDING"; workshopId: string },
  email: RegistrationEmailTemplate,
): Promise<FreeSeatOutcome> {
  const { rows } = await sqlPool().query<{ seated: boolean; otherSessionId: string | null }>(
    `WITH other AS (
       SELECT r."sessionId" FROM "registrations" r JOIN "sessions" s ON s."id" = r."sessionId"
       WHERE r."email" = $7 AND r."status" IN ('PENDING', 'CONFIRMED', 'WAITLISTED') AND s."workshopId" = $18::uuid AND s."id" <> $2::uuid
       LIMIT 1
     ), seat AS (
       UPDATE "sessions" SET "confirmedCount" = "confirmedCount" + 1, "updatedAt" = now()
       WHERE "id" = $2::uuid AND "status" = 'SCHEDULED' AND "confirmedCount" < "capacity" AND ${registrationWindowOpenSql}
         AND NOT EXISTS (SELECT 1 FROM other)
       RETURNING "id"
     ), registration AS (
       INSERT INTO "registrations" ("id", "sessionId", "status", "waitlistPosition", "firstName", "lastName", "email", "organisation", "role",
         "accessibilityNeeds", "answers", "locale", "privacyNoticeId", "consentedAt", "confirmedAt", "holdExpiresAt", "createdAt", "updatedAt")
       SELECT $1::uuid, seat."id", $3::"RegistrationStatus", $4::int, $5, $6, $7, $8, $9::"ParticipantRole", $10, $11::jsonb, $12, $13::uuid, $14, $15, $16, now(), now()
       FROM seat
       RETURNING "id"
     ), token AS (
       INSERT INTO "manage_tokens" ("hash", "registrationId", "createdAt") SELECT $17, "id", now() FROM registration
     ), mail AS (
       INSERT INTO "outbox_messages" ("id", "messageId", "kind", "toAddress", "replyTo", "template", "registrationId", "status", "attempts", "nextAttemptAt", "createdAt")
       SELECT $19::uuid, $20, $21, $7, $22, $23::jsonb, "id", 'PENDING', 0, now(), now() FROM registration
     )
     SELECT EXISTS (SELECT 1 FROM registration) AS "seated", (SELECT "sessionId" FROM other) AS "otherSessionId"`,
    [
      row.id, row.sessionId, row.status, null, row.firstName, row.lastName, row.email, row.organisation, row.role,
      row.accessibilityNeeds, JSON.stringify(row.answers), row.locale, row.privacyNoticeId, row.consentedAt, row.confirmedAt, row.holdExpiresAt,
      row.manageTokenHash, row.workshopId,
      randomUUID(), newMessageId(), email.message.kind, email.context.session.workshop.programme.contactEmail, JSON.stringify(email),
    ],
  );
  const result = rows[0]!;
  return result.seated ? { seated: true } : { seated: false, otherSessionId: result.otherSessionId };
}
