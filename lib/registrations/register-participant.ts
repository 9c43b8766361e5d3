import "server-only";
import { randomUUID } from "node:crypto";
import type { RegistrationEmailTemplate, RegistrationMailContext } from "../email/registration-email";
import { RATE_LIMITS, type RateLimitCheck } from "../rate-limit/consume-rate-limit";
import { registrationWindowIsOpen } from "../sessions/availability";
import { confirmUrlFor, createConfirmToken } from "./confirm-token";
import { createManageToken } from "./manage-token";
import { manageUrlFor } from "./notifications";
import { getRegistrationTargetForSubmission, type RegistrationTarget } from "./queries";
import { fieldErrors, registrationSchema, type RegistrationInput } from "./schema";
import { insertRegistration, type InsertOutcome } from "./insert-registration";

/**
 * What happened. A new registration, `already-registered` and
 * `registered-for-other-date` differ only here and in the email: every
 * public surface answers them alike (answeredAsReceived), so that nobody can
 * find out through the form or the API whether an address is registered
 * (docs/decisions/0014). No outcome carries a manage or confirmation token:
 * those only ever travel by email.
 */
export type RegisterOutcome =
  | { ok: true; registrationId: string; status: "CONFIRMED" | "WAITLISTED" | "PENDING"; waitlistPosition: number | null }
  | { ok: false; code: "already-registered" | "registered-for-other-date"; registrationId: string }
  | { ok: false; code: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; code: "session-not-found" | "registration-closed" | "session-full" | "rate-limited" | "stale-form" };

/** Outcomes every public surface answers with the same neutral "please check your inbox". */
export type ReceivedOutcome = Extract<RegisterOutcome, { ok: true } | { code: "already-registered" | "registered-for-other-date" }>;

/** The outcomes the public sees as they are: none of them depends on whether the address is registered. */
export type RefusedOutcome = Exclude<RegisterOutcome, ReceivedOutcome>;

export function answeredAsReceived(outcome: RegisterOutcome): outcome is ReceivedOutcome {
  return outcome.ok || outcome.code === "already-registered" || outcome.code === "registered-for-other-date";
}

export type RegisterContext = { ip: string | null };

export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const candidate = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } }; cause?: unknown };
  if (candidate.code === "P2002" || candidate.code === "23505") return true;
  const cause = candidate.meta?.driverAdapterError?.cause;
  return cause?.originalCode === "23505" || cause?.kind === "UniqueConstraintViolation";
}

/**
 * Registers a person for a session: validates, applies the rules, and
 * atomically takes a seat (or a waiting-list ticket), stores the
 * registration and queues its email in the outbox; or, for an address
 * already registered in the workshop, queues the email about that
 * registration, in a statement of the same shape (lib/registrations/insert-registration.ts).
 */
export async function registerParticipant(values: Record<string, unknown>, context: RegisterContext): Promise<RegisterOutcome> {
  const target = typeof values.sessionId === "string" ? await getRegistrationTargetForSubmission(values.sessionId) : null;
  if (!target) return { ok: false, code: "session-not-found" };

  const parsed = registrationSchema(target.questions).safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: fieldErrors(parsed.error) };
  const input = parsed.data;

  const notice = target.privacyNotice;
  if (!notice || notice.version !== input.privacyNoticeVersion) return { ok: false, code: "stale-form" };
  if (!registrationWindowIsOpen(target.session.raw, new Date())) return { ok: false, code: "registration-closed" };

  // Counted in the registration statement itself (one round trip), for every
  // attempt, whether the address is registered or not.
  const limits: RateLimitCheck[] = [{ rule: RATE_LIMITS.registrationPerEmail, subject: input.email }];
  if (context.ip !== null) limits.unshift({ rule: RATE_LIMITS.registrationPerIp, subject: context.ip });

  const manage = createManageToken();
  const confirm = createConfirmToken();
  const confirmToken = { hash: confirm.hash, url: confirmUrlFor(confirm.token) };
  const registrationId = randomUUID();
  const now = new Date();
  const pendingStatus = target.workshop.doubleOptIn || target.workshop.requiresApproval;
  const holdExpiresAt = target.workshop.doubleOptIn ? new Date(now.getTime() + target.workshop.holdHours * 3600_000) : null;
  const status: "CONFIRMED" | "PENDING" = pendingStatus ? "PENDING" : "CONFIRMED";
  const email: RegistrationEmailTemplate = {
    context: { ...mailContext(registrationId, target, input), holdExpiresAt },
    message:
      status === "CONFIRMED"
        ? { kind: "registration-confirmed" }
        : holdExpiresAt
          ? { kind: "opt-in", confirmUrl: confirmToken.url }
          : { kind: "registration-received" },
    manageUrl: manageUrlFor(manage.token),
  };
  const row = {
    id: registrationId,
    sessionId: target.session.id,
    workshopId: target.workshop.id,
    status,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    organisation: input.organisation,
    role: input.role,
    accessibilityNeeds: input.accessibilityNeeds || null,
    answers: input.answers,
    locale: input.locale,
    privacyNoticeId: notice.id,
    consentedAt: now,
    confirmedAt: status === "CONFIRMED" ? now : null,
    holdExpiresAt: status === "PENDING" ? holdExpiresAt : null,
    manageTokenHash: manage.hash,
  };
  const outcome = await insertRetryingOnce(row, email, confirmToken, limits);
  if (!outcome.stored) {
    if (outcome.reason === "already-registered" || outcome.reason === "registered-for-other-date")
      return { ok: false, code: outcome.reason, registrationId: outcome.registrationId };
    return { ok: false, code: outcome.reason };
  }
  if (outcome.waitlistPosition !== null) return { ok: true, registrationId, status: "WAITLISTED", waitlistPosition: outcome.waitlistPosition };
  return { ok: true, registrationId, status, waitlistPosition: null };
}

/**
 * Two first registrations of one address for one session at the same time:
 * the second fails on the unique index, counting nothing, and once more
 * finds the first one, as a resubmission would.
 */
async function insertRetryingOnce(...args: Parameters<typeof insertRegistration>): Promise<InsertOutcome> {
  try {
    return await insertRegistration(...args);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return insertRegistration(...args);
  }
}

function mailContext(id: string, target: RegistrationTarget, input: RegistrationInput): RegistrationMailContext {
  const { session, workshop, mail } = target;
  return {
    id,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    locale: input.locale,
    status: "CONFIRMED",
    waitlistPosition: null,
    sessionId: session.id,
    session: {
      id: session.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timeZone: session.timeZone,
      format: session.format,
      joinUrl: mail.joinUrl,
      location: session.location,
      sequence: mail.sequence,
      workshop: { title: workshop.title, titleEn: workshop.titleEn, summary: workshop.summary, summaryEn: workshop.summaryEn, programme: mail.programme },
    },
  };
}
