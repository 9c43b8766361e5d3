import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import type { RegistrationEmailTemplate, RegistrationMailContext } from "../email/registration-email";
import { forgetPublishedWorkshops } from "../workshops/queries";
import { consumeRateLimits, RATE_LIMITS, type RateLimitCheck } from "../rate-limit/consume-rate-limit";
import { registrationWindowIsOpen } from "../sessions/availability";
import { createManageToken } from "./manage-token";
import { issueManageUrl, manageUrlFor, notifyRegistration } from "./notifications";
import { getRegistrationTargetForSubmission, type RegistrationTarget } from "./queries";
import { fieldErrors, registrationSchema, type RegistrationInput } from "./schema";
import { insertRegistration } from "./insert-registration";
import { waitlistRank } from "./seats";

export type RegisterOutcome =
  | { ok: true; registrationId: string; status: "CONFIRMED" | "WAITLISTED" | "PENDING"; waitlistPosition: number | null; manageToken: string }
  | { ok: false; code: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; code: "session-not-found" | "registration-closed" | "session-full" | "already-registered" | "rate-limited" | "stale-form" }
  | { ok: false; code: "registered-for-other-date"; otherSessionId: string };

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
 * registration and queues its email in the outbox.
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

  // Counted in the registration statement itself (one round trip).
  const limits: RateLimitCheck[] = [{ rule: RATE_LIMITS.registrationPerEmail, subject: input.email }];
  if (context.ip !== null) limits.unshift({ rule: RATE_LIMITS.registrationPerIp, subject: context.ip });

  const { token, hash } = createManageToken();
  const manageUrl = manageUrlFor(token);
  const registrationId = randomUUID();
  const now = new Date();
  const pendingStatus = target.workshop.doubleOptIn || target.workshop.requiresApproval;
  const holdExpiresAt = target.workshop.doubleOptIn ? new Date(now.getTime() + target.workshop.holdHours * 3600_000) : null;
  const status: "CONFIRMED" | "PENDING" = pendingStatus ? "PENDING" : "CONFIRMED";
  const email: RegistrationEmailTemplate = {
    context: { ...mailContext(registrationId, target, input), holdExpiresAt },
    message: { kind: status === "CONFIRMED" ? "registration-confirmed" : holdExpiresAt ? "opt-in" : "registration-received" },
    manageUrl,
  };
  try {
    const outcome = await insertRegistration(
      {
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
        manageTokenHash: hash,
      },
      email,
      limits,
    );
    if (!outcome.stored) {
      if (outcome.reason === "registered-for-other-date") return { ok: false, code: outcome.reason, otherSessionId: outcome.otherSessionId };
      return { ok: false, code: outcome.reason };
    }
    forgetPublishedWorkshops();
    if (outcome.waitlistPosition !== null) return { ok: true, registrationId, status: "WAITLISTED", waitlistPosition: outcome.waitlistPosition, manageToken: token };
    return { ok: true, registrationId, status, waitlistPosition: null, manageToken: token };
  } catch (error) {
    if (isUniqueViolation(error)) {
      // The failed statement counted nothing; this attempt counts, or
      // repeating it could mail the address without limit.
      if (!(await consumeRateLimits(limits))) return { ok: false, code: "rate-limited" };
      await resendConfirmation(target.session.id, input.email);
      return { ok: false, code: "already-registered" };
    }
    throw error;
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
      workshop: { title: workshop.title, summary: workshop.summary, programme: mail.programme },
    },
  };
}

/**
 * The same address registered again: send that address its confirmation once
 * more (with a fresh private link) and tell the submitter nothing else.
 */
async function resendConfirmation(sessionId: string, email: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const existing = await tx.registration.findFirst({
      where: { sessionId, email, status: { in: ["PENDING", "CONFIRMED", "WAITLISTED"] } },
      select: { id: true, status: true, waitlistPosition: true, holdExpiresAt: true, emailConfirmedAt: true },
    });
    if (!existing) return;
    const manageUrl = await issueManageUrl(tx, existing.id);
    if (existing.status === "CONFIRMED") {
      await notifyRegistration(tx, existing.id, { kind: "registration-confirmed", manageUrl });
    } else if (existing.status === "WAITLISTED") {
      const position = await waitlistRank(tx, sessionId, existing.waitlistPosition ?? 0);
      await notifyRegistration(tx, existing.id, { kind: "waitlisted", position, manageUrl });
    } else {
      const awaitingEmail = existing.holdExpiresAt !== null && existing.emailConfirmedAt === null;
      await notifyRegistration(tx, existing.id, { kind: awaitingEmail ? "opt-in" : "registration-received", manageUrl });
    }
  });
}
