// Switching onto a full date's waiting list (docs/decisions/0027): someone
// with a confirmed seat may give it up for the other date's waiting list,
// but only when they said so on the confirmation step; without that, or
// when the other date has no waiting list, the seat stays theirs.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { cancelRegistration } from "@/lib/registrations/cancel-registration";
import { registerParticipant } from "@/lib/registrations/register-participant";
import { switchSession } from "@/lib/registrations/switch-session";
import { switchTargetOffer } from "@/lib/registrations/switch-target";
import { createProgrammeWithSession } from "../helpers/factories";
import { queuedEmails } from "../helpers/outbox";

function person(sessionId: string, email: string) {
  return {
    sessionId,
    firstName: "Wiebke",
    lastName: "Wechsel",
    email,
    organisation: "Stadt Beispiel",
    role: "ADMINISTRATION",
    consent: true,
    privacyNoticeVersion: "1",
    locale: "de",
  };
}

async function register(sessionId: string, email: string) {
  const outcome = await registerParticipant(person(sessionId, email), { ip: "192.0.2.60" });
  if (!outcome.ok) throw new Error(`registration refused: ${outcome.code}`);
  return outcome;
}

/** Two dates with one seat each: Anna has the first date's seat, Ben the second's, Carla waits for the first. */
async function fullDates(options: { waitlistEnabled?: boolean } = {}) {
  const { sessionId, otherSessionId } = await createProgrammeWithSession({ capacity: 1, waitlistEnabled: options.waitlistEnabled ?? true });
  const tag = crypto.randomUUID().slice(0, 8);
  const anna = await register(sessionId, `anna.${tag}@example.org`);
  const ben = await register(otherSessionId, `ben.${tag}@example.org`);
  const carla = options.waitlistEnabled === false ? null : await register(sessionId, `carla.${tag}@example.org`);
  return { sessionId, otherSessionId, tag, anna, ben, carla };
}

const statusOf = async (id: string) => (await db.registration.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("switching onto a full date's waiting list", () => {
  it("is offered to a confirmed person as a trade of their seat, to a waiting person as before, and to nobody where there is no waiting list", () => {
    const waitlist = { state: "waitlist" } as Parameters<typeof switchTargetOffer>[1];
    const full = { state: "full" } as Parameters<typeof switchTargetOffer>[1];
    expect(switchTargetOffer("CONFIRMED", waitlist)).toBe("waitlist-for-seat");
    expect(switchTargetOffer("WAITLISTED", waitlist)).toBe("waitlist");
    expect(switchTargetOffer("CONFIRMED", full)).toBeNull();
    expect(switchTargetOffer("PENDING", waitlist)).toBeNull();
  });

  it("keeps the confirmed seat when the person did not agree to give it up", async () => {
    const { otherSessionId, tag, anna } = await fullDates();
    expect(await switchSession(anna.registrationId, otherSessionId)).toEqual({ ok: false, code: "target-full" });
    expect(await statusOf(anna.registrationId)).toBe("CONFIRMED");
    const mails = await queuedEmails({ toAddress: `anna.${tag}@example.org` });
    expect(mails.map((mail) => mail.kind)).toEqual(["registration-confirmed"]);
  });

  it("with their yes: puts them on the other date's waiting list, gives the seat to the next person waiting, and sends one switch mail", async () => {
    const { sessionId, otherSessionId, tag, anna, carla } = await fullDates();
    const outcome = await switchSession(anna.registrationId, otherSessionId, { giveUpSeat: true });
    expect(outcome).toMatchObject({ ok: true, status: "WAITLISTED" });
    if (!outcome.ok) return;

    const moved = await db.registration.findUniqueOrThrow({
      where: { id: outcome.registrationId },
      select: { sessionId: true, status: true, waitlistPosition: true },
    });
    expect(moved).toMatchObject({ sessionId: otherSessionId, status: "WAITLISTED" });
    expect(await statusOf(anna.registrationId)).toBe("CANCELLED");
    // Her seat went to Carla, who was waiting for it; the seat count stayed within capacity.
    expect(await statusOf(carla!.registrationId)).toBe("CONFIRMED");
    expect(await db.session.findUniqueOrThrow({ where: { id: sessionId }, select: { confirmedCount: true } })).toEqual({ confirmedCount: 1 });

    const mails = await queuedEmails({ toAddress: `anna.${tag}@example.org` });
    expect(mails.map((mail) => mail.kind)).toEqual(["registration-confirmed", "session-switched"]);
    const switched = mails[1]!;
    expect(switched.subject).toBe("Terminwechsel bestätigt: Testworkshop");
    expect(switched.text).toContain("Warteliste, auf Platz 1");
    expect(switched.text).toContain("Ihren Platz beim bisherigen Termin haben wir freigegeben");
    // The old calendar entry is withdrawn; there is no invitation for a date without a seat.
    const calendars = (switched.attachments as { filename: string }[]).map((file) => file.filename);
    expect(calendars).toContain("absage.ics");
    expect(calendars).not.toContain("einladung.ics");

    // When a seat frees up on the new date, she moves up as anyone waiting does.
    const ben = await db.registration.findFirstOrThrow({ where: { email: `ben.${tag}@example.org` }, select: { id: true } });
    await db.$transaction((tx) => cancelRegistration(tx, ben.id));
    expect(await statusOf(outcome.registrationId)).toBe("CONFIRMED");
  });

  it("is refused even with a yes when the other date has no waiting list", async () => {
    const { otherSessionId, anna } = await fullDates({ waitlistEnabled: false });
    expect(await switchSession(anna.registrationId, otherSessionId, { giveUpSeat: true })).toEqual({ ok: false, code: "target-full" });
    expect(await statusOf(anna.registrationId)).toBe("CONFIRMED");
  });
});
