import "server-only";
import { recordAudit } from "../audit/record-audit";
import { assertCanManageSession, type Actor } from "../auth/authorisation";
import { db } from "../db";
import type { Invalid } from "../organiser/form-state";
import { fillFreeSeats } from "../registrations/seats";
import { organiserFieldErrors } from "../organiser/field-errors";
import { lockSession, type LockedSession } from "./lock-session";
import { notifySessionChanged } from "./notify-session-changed";
import { sessionSchema, type SessionInput } from "./schema";
import { forgetPublicContent } from "../cache/forget-public-content";

export type UpdateSessionOutcome =
  | { ok: true; promoted: number; notified: number; sequence: number }
  | Invalid
  | { ok: false; code: "capacity-below-taken"; taken: number }
  | { ok: false; code: "needs-confirmation"; recipients: number }
  | { ok: false; code: "session-cancelled" };

/** What participants must hear about: when it is, and how or where to join. */
export function noticeableChanges(current: LockedSession, next: SessionInput): string[] {
  const changed: string[] = [];
  if (current.startsAt.getTime() !== next.startsAt.getTime()) changed.push("startsAt");
  if (current.endsAt.getTime() !== next.endsAt.getTime()) changed.push("endsAt");
  if ((current.joinUrl ?? null) !== next.joinUrl) changed.push("joinUrl");
  if (current.format !== next.format) changed.push("format");
  if ((current.location ?? null) !== next.location) changed.push("location");
  return changed;
}

/**
 * Saves a session's settings. Capacity may not drop below the seats taken;
 * raising it promotes waiting people at once. A change of time or join link
 * is only saved with `confirmed` when someone is registered (the form shows
 * how many people will be told first); then the SEQUENCE rises and everyone concerned is informed.
 */
export async function updateSession(
  actor: Actor | null,
  sessionId: string,
  values: Record<string, unknown>,
  options: { confirmed: boolean },
): Promise<UpdateSessionOutcome> {
  await assertCanManageSession(actor, sessionId);
  const parsed = sessionSchema.safeParse(values);
  if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: organiserFieldErrors(parsed.error) };
  const next = parsed.data;

  return db
    .$transaction(
      async (tx) => {
        const { actor: signedIn } = await assertCanManageSession(actor, sessionId, tx);
        const current = await lockSession(tx, sessionId);
        if (current.status === "CANCELLED") return { ok: false as const, code: "session-cancelled" as const };
        if (next.capacity < current.confirmedCount) return { ok: false as const, code: "capacity-below-taken" as const, taken: current.confirmedCount };

        const changed = noticeableChanges(current, next);
        const timeChanged = changed.includes("startsAt") || changed.includes("endsAt");
        if (changed.length > 0 && !options.confirmed) {
          const recipients = await tx.registration.count({
            where: { sessionId, status: { in: timeChanged ? ["CONFIRMED", "WAITLISTED"] : ["CONFIRMED"] }, anonymisedAt: null },
          });
          // Nobody to tell: nothing to confirm either.
          if (recipients > 0) return { ok: false as const, code: "needs-confirmation" as const, recipients };
        }

        const updated = await tx.session.update({
          where: { id: sessionId },
          data: {
            ...next,
            ...(changed.length > 0 ? { sequence: { increment: 1 } } : {}),
            // A reminder sent for the old time says nothing about the new one.
            ...(changed.includes("startsAt") ? { reminderSentAt: null } : {}),
          },
          select: { sequence: true },
        });
        const promoted = next.capacity > current.capacity ? await fillFreeSeats(tx, sessionId) : [];
        const notified =
          changed.length > 0
            ? await notifySessionChanged(
                tx,
                sessionId,
                {
                  startsAt: current.startsAt,
                  endsAt: current.endsAt,
                  timeZone: current.timeZone,
                  format: current.format,
                  joinUrl: current.joinUrl,
                  location: current.location,
                },
                { timeChanged, except: promoted },
              )
            : 0;
        await recordAudit(tx, {
          actor: signedIn,
          action: "session.update",
          subjectType: "session",
          subjectId: sessionId,
          details: { changed, capacity: { from: current.capacity, to: next.capacity }, promoted: promoted.length, notified, sequence: updated.sequence },
        });
        return { ok: true as const, promoted: promoted.length, notified, sequence: updated.sequence };
      },
      { maxWait: 30_000, timeout: 60_000 },
    )
    .then(forgetPublicContent);
}
