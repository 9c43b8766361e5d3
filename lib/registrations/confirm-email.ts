import "server-only";
import { db } from "../db";
import { hashConfirmToken, looksLikeConfirmToken } from "./confirm-token";
import { notifyRegistration } from "./notifications";

export type ConfirmEmailOutcome = { ok: true; status: "CONFIRMED" | "PENDING" } | { ok: false; code: "unknown" | "not-pending" | "hold-expired" };

/**
 * Double opt-in: the person opened the link from the opt-in email (and
 * pressed the button: link scanners only fetch, they do not post). Only that
 * email carries the confirmation token, so only the mailbox owner gets here;
 * the manage token confirms nothing (docs/decisions/0014). The held seat
 * becomes theirs, or, in workshops with approval, stays reserved for the
 * organisers' decision.
 */
export async function confirmEmail(token: string, now = new Date()): Promise<ConfirmEmailOutcome> {
  if (!looksLikeConfirmToken(token)) return { ok: false, code: "unknown" };
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; status: string; holdExpiresAt: Date | null; emailConfirmedAt: Date | null; requiresApproval: boolean }[]>`
      SELECT r."id", r."status", r."holdExpiresAt", r."emailConfirmedAt", w."requiresApproval"
      FROM "registrations" r JOIN "sessions" s ON s."id" = r."sessionId" JOIN "workshops" w ON w."id" = s."workshopId"
      WHERE r."confirmTokenHash" = ${hashConfirmToken(token)} AND r."anonymisedAt" IS NULL FOR UPDATE OF r`;
    const registration = rows[0];
    if (!registration) return { ok: false as const, code: "unknown" as const };
    if (registration.status !== "PENDING" || registration.emailConfirmedAt) return { ok: false as const, code: "not-pending" as const };
    if (registration.holdExpiresAt && registration.holdExpiresAt <= now) return { ok: false as const, code: "hold-expired" as const };
    const status = registration.requiresApproval ? "PENDING" : "CONFIRMED";
    await tx.registration.update({
      where: { id: registration.id },
      data: { status, emailConfirmedAt: now, holdExpiresAt: null, confirmedAt: status === "CONFIRMED" ? now : null },
      select: { id: true },
    });
    await notifyRegistration(tx, registration.id, { kind: status === "CONFIRMED" ? "registration-confirmed" : "registration-received" });
    return { ok: true as const, status };
  });
}

export type Confirmation = {
  /** What the page can offer: the button, or how things stand. */
  state: "awaiting" | "confirmed" | "awaiting-approval" | "expired" | "closed";
  workshopTitle: string;
  workshopTitleEn: string | null;
  startsAt: Date;
  timeZone: string;
};

/** What the holder of a confirmation token may see: the workshop, the date and how the confirmation stands. */
export async function findConfirmation(token: string, now = new Date()): Promise<Confirmation | null> {
  if (!looksLikeConfirmToken(token)) return null;
  const registration = await db.registration.findUnique({
    where: { confirmTokenHash: hashConfirmToken(token) },
    select: {
      status: true,
      holdExpiresAt: true,
      emailConfirmedAt: true,
      anonymisedAt: true,
      session: { select: { startsAt: true, timeZone: true, workshop: { select: { title: true, titleEn: true } } } },
    },
  });
  if (!registration || registration.anonymisedAt) return null;
  const state: Confirmation["state"] = registration.emailConfirmedAt
    ? registration.status === "CONFIRMED"
      ? "confirmed"
      : registration.status === "PENDING"
        ? "awaiting-approval"
        : "closed"
    : registration.status !== "PENDING"
      ? registration.status === "CANCELLED"
        ? "expired"
        : "closed"
      : registration.holdExpiresAt && registration.holdExpiresAt <= now
        ? "expired"
        : "awaiting";
  return {
    state,
    workshopTitle: registration.session.workshop.title,
    workshopTitleEn: registration.session.workshop.titleEn,
    startsAt: registration.session.startsAt,
    timeZone: registration.session.timeZone,
  };
}
