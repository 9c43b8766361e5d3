import "server-only";
import type { Prisma } from "../generated/prisma/client";

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
