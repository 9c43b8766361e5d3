import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createProgrammeWithSession } from "../helpers/factories";

function registration(sessionId: string, privacyNoticeId: string, email: string, status: "CONFIRMED" | "CANCELLED" = "CONFIRMED") {
  return {
    sessionId,
    privacyNoticeId,
    status,
    firstName: "Erika",
    lastName: "Mustermann",
    email,
    organisation: "Stadt Musterhausen",
    role: "ADMINISTRATION" as const,
    consentedAt: new Date(),
  };
}

type Violation = { sqlState: string | undefined; constraint: string | undefined };

/**
 * Which constraint PostgreSQL named when it refused the write, and its
 * SQLSTATE. Prisma reports a unique violation as P2002 with the driver's
 * error in `meta`, a CHECK violation as the driver's error with the database
 * error as `cause`; both carry PostgreSQL's own message.
 */
async function violation(write: Promise<unknown>): Promise<Violation> {
  const error = await write.then(
    () => {
      throw new Error("the write was accepted");
    },
    (refusal: unknown) => refusal as { meta?: { driverAdapterError?: { cause?: DatabaseError } }; cause?: DatabaseError; message?: string },
  );
  const database = error.meta?.driverAdapterError?.cause ?? error.cause;
  const message = database?.originalMessage ?? error.message ?? "";
  return { sqlState: database?.originalCode, constraint: /constraint "([^"]+)"/.exec(message)?.[1] };
}
type DatabaseError = { originalCode?: string; originalMessage?: string };

const uniqueViolation = "23505";
const checkViolation = "23514";

describe("the database guards the registration invariants itself", () => {
  it("refuses a second active registration of the same email for the same session", async () => {
    const { sessionId, privacyNoticeId } = await createProgrammeWithSession();
    await db.registration.create({ data: registration(sessionId, privacyNoticeId, "erika@example.org") });
    expect(await violation(db.registration.create({ data: registration(sessionId, privacyNoticeId, "erika@example.org") }))).toEqual({
      sqlState: uniqueViolation,
      constraint: "registrations_one_active_per_email",
    });
  });

  it("allows registering again after a cancellation", async () => {
    const { sessionId, privacyNoticeId } = await createProgrammeWithSession();
    await db.registration.create({ data: registration(sessionId, privacyNoticeId, "erneut@example.org", "CANCELLED") });
    await expect(db.registration.create({ data: registration(sessionId, privacyNoticeId, "erneut@example.org") })).resolves.toBeTruthy();
  });

  it("refuses email addresses that are not normalised", async () => {
    const { sessionId, privacyNoticeId } = await createProgrammeWithSession();
    expect(await violation(db.registration.create({ data: registration(sessionId, privacyNoticeId, " Erika@Example.org") }))).toEqual({
      sqlState: checkViolation,
      constraint: "registrations_email_normalised",
    });
  });

  it("refuses more confirmed seats than the session's capacity", async () => {
    const { sessionId } = await createProgrammeWithSession({ capacity: 2 });
    expect(await violation(db.session.update({ where: { id: sessionId }, data: { confirmedCount: 3 } }))).toEqual({
      sqlState: checkViolation,
      constraint: "sessions_seats_within_capacity",
    });
    await expect(db.session.update({ where: { id: sessionId }, data: { confirmedCount: 2 } })).resolves.toBeTruthy();
  });

  it("refuses a waiting-list entry without a position", async () => {
    const { sessionId, privacyNoticeId } = await createProgrammeWithSession();
    expect(
      await violation(db.registration.create({ data: { ...registration(sessionId, privacyNoticeId, "warte@example.org"), status: "WAITLISTED" } })),
    ).toEqual({ sqlState: checkViolation, constraint: "registrations_waitlisted_has_position" });
  });
});
