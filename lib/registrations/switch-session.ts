import "server-only";
import { db } from "../db";
import { registrationWindowIsOpen } from "../sessions/availability";
import { loadRegistrationMailContext, manageUrlFor, notifyRegistration } from "./notifications";
import { fillFreeSeats, releaseSeat, takeSeat, takeWaitlistTicket, waitlistRank } from "./seats";

export type SwitchOutcome =
  | { ok: true; registrationId: string; status: "CONFIRMED" | "WAITLISTED" }
  | { ok: false; code: "not-active" | "not-alternative" | "registration-closed" | "target-full" };

class Refusal extends Error {
  constructor(readonly code: Extract<SwitchOutcome, { ok: false }>["code"]) {
    super(code);
  }
}

/**
 * Moves a registration to another date of the same workshop in one
 * transaction: a seat on the new date is taken first (a confirmed person is
 * moved onto a waiting list only with `giveUpSeat`, said yes to on the
 * confirmation step, docs/decisions/0027), the old seat is released and filled from
 * its waiting list, the old calendar entry is cancelled and the new one sent.
 * The new date gets a new registration (and so a new calendar UID); the
 * person's private links move with it, so every link they hold keeps
 * working. One mail says it was a switch (docs/decisions/0021); given the
 * link the switch was made from, the mail carries that link instead of a
 * new one.
 */
export async function switchSession(
  registrationId: string,
  targetSessionId: string,
  options: { manageToken?: string; now?: Date; giveUpSeat?: boolean } = {},
): Promise<SwitchOutcome> {
  const now = options.now ?? new Date();
  try {
    const outcome = await db.$transaction(
      async (tx) => {
        const current = await tx.registration.findUnique({
          where: { id: registrationId },
          select: {
            status: true,
            sessionId: true,
            firstName: true,
            lastName: true,
            email: true,
            organisation: true,
            role: true,
            accessibilityNeeds: true,
            answers: true,
            locale: true,
            privacyNoticeId: true,
            consentedAt: true,
            session: { select: { workshopId: true, endsAt: true } },
          },
        });
        if (!current || (current.status !== "CONFIRMED" && current.status !== "WAITLISTED")) throw new Refusal("not-active");
        if (current.session.endsAt <= now) throw new Refusal("not-active");
        const target = await tx.session.findUnique({
          where: { id: targetSessionId },
          select: {
            id: true,
            workshopId: true,
            status: true,
            capacity: true,
            confirmedCount: true,
            waitlistEnabled: true,
            registrationOpensAt: true,
            registrationClosesAt: true,
            startsAt: true,
          },
        });
        if (!target || target.id === current.sessionId || target.workshopId !== current.session.workshopId) throw new Refusal("not-alternative");
        if (!registrationWindowIsOpen(target, now)) throw new Refusal("registration-closed");

        // Lock both session rows in a fixed order so two opposite switches cannot deadlock.
        const [first, second] = [current.sessionId, target.id].sort();
        await tx.$executeRaw`SELECT 1 FROM "sessions" WHERE "id" IN (${first}::uuid, ${second}::uuid) ORDER BY "id" FOR UPDATE`;

        let status: "CONFIRMED" | "WAITLISTED" = "CONFIRMED";
        let ticket: number | null = null;
        if (!(await takeSeat(tx, target.id, { newRegistration: true }))) {
          if (!target.waitlistEnabled || (current.status === "CONFIRMED" && !options.giveUpSeat)) throw new Refusal("target-full");
          status = "WAITLISTED";
          ticket = await takeWaitlistTicket(tx, target.id);
          if (ticket === null) throw new Refusal("registration-closed");
        }

        // The left date as the person knew it, before it is cancelled: its calendar entry is withdrawn in the switch mail.
        const previous = await loadRegistrationMailContext(tx, registrationId);
        if (!previous) throw new Refusal("not-active");
        await tx.registration.update({
          where: { id: registrationId },
          data: { status: "CANCELLED", cancelledAt: now, waitlistPosition: null },
          select: { id: true },
        });
        const { session: _session, status: previousStatus, sessionId: oldSessionId, ...person } = current;
        const created = await tx.registration.create({
          data: {
            ...person,
            answers: person.answers ?? {},
            sessionId: target.id,
            status,
            waitlistPosition: ticket,
            confirmedAt: status === "CONFIRMED" ? now : null,
          },
          select: { id: true },
        });
        await tx.manageToken.updateMany({ where: { registrationId }, data: { registrationId: created.id } });

        if (previousStatus === "CONFIRMED") {
          await releaseSeat(tx, oldSessionId);
          await fillFreeSeats(tx, oldSessionId);
        }
        await notifyRegistration(tx, created.id, {
          kind: "session-switched",
          previous,
          previousStatus,
          position: ticket === null ? undefined : await waitlistRank(tx, target.id, ticket),
          manageUrl: options.manageToken ? manageUrlFor(options.manageToken) : undefined,
        });
        return { ok: true as const, registrationId: created.id, status };
      },
      { maxWait: 30_000, timeout: 30_000 },
    );
    return outcome;
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, code: error.code };
    throw error;
  }
}
