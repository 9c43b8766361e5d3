import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { AuditAction } from "../audit/actions";
import type { Prisma } from "../generated/prisma/client";
import { db } from "../db";
import { queuedSubject } from "../email/queued-content";
import { deleteSubjectRateLimits } from "../rate-limit/delete-subject-rate-limits";
import { cancelRegistration } from "../registrations/cancel-registration";
import { anonymiseRegistrations } from "./anonymise-registrations";

// Requests of a data subject (GDPR Art. 15 access, Art. 20 portability,
// Art. 17 erasure) by email address, for the administrators' privacy page.
// These functions do not check who calls them: the page's server action must
// allow administrators only (assertAdmin) before calling any of them.

type Tx = Prisma.TransactionClient;

/** Who asked; stored in the audit trail. Null fields for a command-line operator without an account. */
export type PrivacyActor = { id: string | null; email: string | null };

export type SubjectRegistration = {
  id: string;
  status: string;
  role: string;
  firstName: string;
  lastName: string;
  email: string;
  organisation: string;
  accessibilityNeeds: string | null;
  /** answerLabels: the chosen options' German labels, for choice questions (the answer holds their codes). */
  answers: { questionId: string; question: string | null; answer: unknown; answerLabels: string[] | null }[];
  locale: string;
  waitlistPosition: number | null;
  attended: boolean | null;
  consent: { privacyNoticeVersion: number; noticePublishedAt: string; consentedAt: string };
  session: { id: string; startsAt: string; endsAt: string; timeZone: string; workshopTitle: string; programmeName: string };
  createdAt: string;
  confirmedAt: string | null;
  cancelledAt: string | null;
  holdExpiresAt: string | null;
  emailConfirmedAt: string | null;
  /** Private manage links issued (only their hashes are stored). */
  manageLinks: number;
  /** The verification code on the person's certificate of attendance, once one was made. */
  certificateCode: string | null;
  /**
   * The evaluation link sent after the session: whether it was answered and
   * when a reminder went out. The answers themselves are stored without any
   * link to the person (docs/decisions/0028) and so cannot be part of this.
   */
  evaluation: { invitedAt: string; answered: boolean; reminderSentAt: string | null } | null;
};

export type SubjectMessage = {
  id: string;
  kind: string;
  toAddress: string;
  subject: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
  registrationId: string | null;
};

export type SubjectAuditEvent = {
  id: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  actorEmail: string | null;
  details: unknown;
  createdAt: string;
};

export type SubjectData = {
  email: string;
  /** An organiser or administrator account under this address, if any. */
  account: { id: string; name: string | null; role: string; active: boolean; createdAt: string } | null;
  registrations: SubjectRegistration[];
  outboxMessages: SubjectMessage[];
  auditEvents: SubjectAuditEvent[];
};

export type SubjectDataOutcome = { ok: true; data: SubjectData } | { ok: false; code: "invalid-email" };

export type ErasureCounts = {
  registrations: number;
  /** Active registrations cancelled first (seat released, waiting list moved up). */
  cancelled: number;
  promoted: number;
  manageTokensDeleted: number;
  messagesDeleted: number;
  /** Rate-limit counters keyed on the address (registration and sign-in attempts). */
  rateLimitCountersDeleted: number;
};

export type ErasureOutcome = { ok: true; counts: ErasureCounts } | { ok: false; code: "invalid-email" };

const emailSchema = z.email();

function normaliseEmail(email: string): string | null {
  const normalised = email.trim().toLowerCase();
  return emailSchema.safeParse(normalised).success ? normalised : null;
}

/** How the audit trail names a data subject: never the address itself. */
export function subjectEmailHash(normalisedEmail: string): string {
  return createHash("sha256").update(normalisedEmail, "utf8").digest("hex");
}

/** Everything stored about an address, as plain JSON-serialisable data. */
export async function findDataForEmail(email: string): Promise<SubjectDataOutcome> {
  const address = normaliseEmail(email);
  if (!address) return { ok: false, code: "invalid-email" };

  const registrations = await db.registration.findMany({
    where: { email: address },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      role: true,
      firstName: true,
      lastName: true,
      email: true,
      organisation: true,
      accessibilityNeeds: true,
      answers: true,
      locale: true,
      waitlistPosition: true,
      attended: true,
      consentedAt: true,
      createdAt: true,
      confirmedAt: true,
      cancelledAt: true,
      holdExpiresAt: true,
      emailConfirmedAt: true,
      privacyNotice: { select: { version: true, publishedAt: true } },
      session: {
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          timeZone: true,
          workshop: { select: { title: true, programme: { select: { name: true } }, questions: { select: { id: true, labelDe: true, options: true } } } },
        },
      },
      _count: { select: { manageTokens: true } },
      certificateCode: true,
      evaluationInvitation: { select: { createdAt: true, answered: true, reminderSentAt: true } },
    },
  });
  const registrationIds = registrations.map((registration) => registration.id);

  const messages = await db.outboxMessage
    .findMany({
      // Messages of a registration may have gone to an address it had before.
      where: { OR: [{ toAddress: { equals: address, mode: "insensitive" } }, { registrationId: { in: registrationIds } }] },
      orderBy: { createdAt: "asc" },
      select: { id: true, kind: true, toAddress: true, subject: true, template: true, status: true, createdAt: true, sentAt: true, registrationId: true },
    })
    .then((rows) => rows.map(({ template, subject, ...row }) => ({ ...row, subject: queuedSubject({ subject, template }) })));

  const auditEvents = await db.$queryRaw<
    { id: string; action: string; subjectType: string; subjectId: string | null; actorEmail: string | null; details: unknown; createdAt: Date }[]
  >`
    SELECT "id", "action", "subjectType", "subjectId", "actorEmail", "details", "createdAt" FROM "audit_events"
    WHERE lower("actorEmail") = ${address}
       OR strpos(lower("details"::text), ${address}) > 0
       OR ("subjectType" = 'registration' AND "subjectId" = ANY(${registrationIds}::text[]))
       OR ("subjectType" = 'data-subject' AND "subjectId" = ${subjectEmailHash(address)})
    ORDER BY "createdAt", "id"`;

  const account = await db.user.findUnique({
    where: { email: address },
    select: { id: true, name: true, role: true, active: true, createdAt: true },
  });

  return {
    ok: true,
    data: {
      email: address,
      account: account && { ...account, createdAt: account.createdAt.toISOString() },
      registrations: registrations.map((registration) => {
        const labels = new Map(registration.session.workshop.questions.map((question) => [question.id, question.labelDe]));
        const options = new Map(registration.session.workshop.questions.map((question) => [question.id, optionLabels(question.options)]));
        const answers = registration.answers && typeof registration.answers === "object" && !Array.isArray(registration.answers) ? registration.answers : {};
        return {
          id: registration.id,
          status: registration.status,
          role: registration.role,
          firstName: registration.firstName,
          lastName: registration.lastName,
          email: registration.email,
          organisation: registration.organisation,
          accessibilityNeeds: registration.accessibilityNeeds,
          answers: Object.entries(answers).map(([questionId, answer]) => ({
            questionId,
            question: labels.get(questionId) ?? null,
            answer,
            answerLabels: chosenLabels(answer, options.get(questionId)),
          })),
          locale: registration.locale,
          waitlistPosition: registration.waitlistPosition,
          attended: registration.attended,
          consent: {
            privacyNoticeVersion: registration.privacyNotice.version,
            noticePublishedAt: registration.privacyNotice.publishedAt.toISOString(),
            consentedAt: registration.consentedAt.toISOString(),
          },
          session: {
            id: registration.session.id,
            startsAt: registration.session.startsAt.toISOString(),
            endsAt: registration.session.endsAt.toISOString(),
            timeZone: registration.session.timeZone,
            workshopTitle: registration.session.workshop.title,
            programmeName: registration.session.workshop.programme.name,
          },
          createdAt: registration.createdAt.toISOString(),
          confirmedAt: iso(registration.confirmedAt),
          cancelledAt: iso(registration.cancelledAt),
          holdExpiresAt: iso(registration.holdExpiresAt),
          emailConfirmedAt: iso(registration.emailConfirmedAt),
          manageLinks: registration._count.manageTokens,
          certificateCode: registration.certificateCode,
          evaluation: registration.evaluationInvitation && {
            invitedAt: registration.evaluationInvitation.createdAt.toISOString(),
            answered: registration.evaluationInvitation.answered,
            reminderSentAt: iso(registration.evaluationInvitation.reminderSentAt),
          },
        };
      }),
      outboxMessages: messages.map((message) => ({ ...message, createdAt: message.createdAt.toISOString(), sentAt: iso(message.sentAt) })),
      auditEvents: auditEvents.map((event) => ({ ...event, createdAt: event.createdAt.toISOString() })),
    },
  };
}

/**
 * findDataForEmail for an administrator's lookup: recorded in the audit trail
 * like every request of a data subject, the address only as its hash and only
 * when it is valid. The counts are those found before the record is written.
 */
export async function lookUpDataForEmail(email: string, actor: PrivacyActor): Promise<SubjectDataOutcome> {
  const found = await findDataForEmail(email);
  if (!found.ok) return found;
  const { data } = found;
  await recordSubjectAudit(db, actor, "privacy.subject.lookup", data.email, {
    registrations: data.registrations.length,
    messages: data.outboxMessages.length,
    auditEvents: data.auditEvents.length,
  });
  return found;
}

/** The same data as findDataForEmail, handed out to the person: recorded in the audit trail. */
export async function exportDataForEmail(email: string, actor: PrivacyActor): Promise<SubjectDataOutcome> {
  const found = await findDataForEmail(email);
  if (!found.ok) return found;
  const { data } = found;
  await recordSubjectAudit(db, actor, "privacy.subject.export", data.email, {
    registrations: data.registrations.length,
    messages: data.outboxMessages.length,
    auditEvents: data.auditEvents.length,
  });
  return found;
}

/**
 * Erases a person's data: cancels their active registrations (seats go back,
 * the waiting list moves up and the people promoted are told; the person
 * erased gets no email), anonymises all their registrations like the
 * retention run, and deletes every message addressed to them and the
 * rate-limit counters kept for the address (by its hash). One
 * transaction, with an audit event that names the address only by its SHA-256.
 */
export async function eraseDataForEmail(email: string, actor: PrivacyActor): Promise<ErasureOutcome> {
  const address = normaliseEmail(email);
  if (!address) return { ok: false, code: "invalid-email" };
  const now = new Date();

  const counts = await db.$transaction(
    async (tx) => {
      // Locked in session order, like every other job that frees seats.
      const registrations = await tx.$queryRaw<{ id: string; status: string; holdExpiresAt: Date | null }[]>`
        SELECT "id", "status", "holdExpiresAt" FROM "registrations"
        WHERE "email" = ${address} AND "anonymisedAt" IS NULL
        ORDER BY "sessionId", "id"
        FOR UPDATE`;
      let cancelled = 0;
      let promoted = 0;
      for (const registration of registrations) {
        if (registration.status !== "PENDING" && registration.status !== "CONFIRMED" && registration.status !== "WAITLISTED") continue;
        const outcome = await cancelRegistration(tx, registration.id, { notify: false });
        if (!outcome.ok) continue;
        cancelled += 1;
        promoted += outcome.promoted.length;
      }

      const anonymised = await anonymiseRegistrations(
        tx,
        registrations.map((registration) => registration.id),
        now,
      );
      const addressed = await tx.outboxMessage.deleteMany({ where: { toAddress: { equals: address, mode: "insensitive" } } });
      const rateLimitCounters = await deleteSubjectRateLimits(tx, address);

      const result: ErasureCounts = {
        registrations: anonymised.registrationIds.length,
        cancelled,
        promoted,
        manageTokensDeleted: anonymised.manageTokens,
        messagesDeleted: anonymised.messages + addressed.count,
        rateLimitCountersDeleted: rateLimitCounters,
      };
      await recordSubjectAudit(tx, actor, "privacy.subject.erase", address, result);
      return result;
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
  return { ok: true, counts };
}

// Not lib/audit/record-audit.ts: its subject types name rows, and its actor
// is a signed-in user; here the subject is an address (named by its hash, so
// an auditor can check "was x@example.org erased?" by hashing it) and the
// actor may be an operator without an account.
async function recordSubjectAudit(client: Tx, actor: PrivacyActor, action: AuditAction, address: string, details: Prisma.InputJsonObject): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      action,
      subjectType: "data-subject",
      subjectId: subjectEmailHash(address),
      details,
    },
    select: { id: true },
  });
}

function optionLabels(options: unknown): Map<string, string> | null {
  if (!Array.isArray(options)) return null;
  const labels = new Map<string, string>();
  for (const option of options) {
    if (option && typeof option === "object" && "value" in option && "labelDe" in option) labels.set(String(option.value), String(option.labelDe));
  }
  return labels.size > 0 ? labels : null;
}

function chosenLabels(answer: unknown, labels: Map<string, string> | null | undefined): string[] | null {
  if (!labels) return null;
  const chosen = Array.isArray(answer) ? answer.map(String) : typeof answer === "string" ? [answer] : [];
  return chosen.length > 0 ? chosen.map((value) => labels.get(value) ?? value) : null;
}

function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}
