import "server-only";
import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type AnonymisedRegistrations = {
  /** Ids of the registrations anonymised by this call (already anonymised ones are skipped). */
  registrationIds: string[];
  manageTokens: number;
  messages: number;
};

/**
 * Removes what identifies the people behind these registrations, in the
 * caller's transaction (docs/decisions/0008). Kept for reporting: session,
 * status, role, attendance, locale, consent time and notice version, and the
 * timestamps. The email becomes a per-row placeholder that satisfies the
 * normalisation CHECK and the one-active-per-address index and can never be
 * delivered (.invalid, RFC 2606). Private links stop working (their tokens
 * are deleted), and so does a certificate's verification code (cleared).
 * The outbox rows go with their bodies, addresses and manage links: the
 * outbox is a delivery queue, not an archive.
 */
export async function anonymiseRegistrations(tx: Tx, registrationIds: string[], now: Date): Promise<AnonymisedRegistrations> {
  if (registrationIds.length === 0) return { registrationIds: [], manageTokens: 0, messages: 0 };
  const anonymised = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "registrations"
    SET "firstName" = '', "lastName" = '', "email" = 'anonymised-' || "id"::text || '@invalid',
        "organisation" = '', "accessibilityNeeds" = NULL, "answers" = '{}'::jsonb, "confirmTokenHash" = NULL,
        "certificateCode" = NULL,
        "anonymisedAt" = ${now}::timestamptz, "updatedAt" = now()
    WHERE "id" = ANY(${registrationIds}::uuid[]) AND "anonymisedAt" IS NULL
    RETURNING "id"`;
  const ids = anonymised.map((row) => row.id);
  if (ids.length === 0) return { registrationIds: [], manageTokens: 0, messages: 0 };
  const manageTokens = await tx.$executeRaw`DELETE FROM "manage_tokens" WHERE "registrationId" = ANY(${ids}::uuid[])`;
  // A pending change of address holds an address too.
  await tx.$executeRaw`DELETE FROM "email_changes" WHERE "registrationId" = ANY(${ids}::uuid[])`;
  const messages = await tx.$executeRaw`DELETE FROM "outbox_messages" WHERE "registrationId" = ANY(${ids}::uuid[])`;
  return { registrationIds: ids, manageTokens, messages };
}
