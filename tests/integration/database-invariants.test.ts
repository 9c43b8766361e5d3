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

describe("the database guards the registration invariants itself", () => {
  it("refuses a second active registration of the same email for the same session", async () => {
    const { sessionId, privacyNoticeId } = await createProgrammeWithSession();
    await db.registration.create({ data: registration(sessionId, privacyNoticeId, "erika@example.org") });
    await expect(db.registration.create({ data: registration(sessionId, privacyNoticeId, "erika@example.org") })).rejects.toThrow();
  });

  it("allows registering again after a cancellation", async () => {
    const { sessionId, privacyNoticeId } = await createProgrammeWithSession();
    await db.registration.create({ data: registration(sessionId, privacyNoticeId, "erneut@example.org", "CANCELLED") });
    await expect(db.registration.create({ data: registration(sessionId, privacyNoticeId, "erneut@example.org") })).resolves.toBeTruthy();
  });

  it("refuses email addresses that are not normalised", async () => {
    const { sessionId, privacyNoticeId } = await createProgrammeWithSession();
    await expect(db.registration.create({ data: registration(sessionId, privacyNoticeId, " Erika@Example.org") })).rejects.toThrow();
  });

  it("refuses more confirmed seats than the session's capacity", async () => {
    const { sessionId } = await createProgrammeWithSession({ capacity: 2 });
    await expect(db.session.update({ where: { id: sessionId }, data: { confirmedCount: 3 } })).rejects.toThrow();
    await expect(db.session.update({ where: { id: sessionId }, data: { confirmedCount: 2 } })).resolves.toBeTruthy();
  });

  it("refuses a waiting-list entry without a position", async () => {
    const { sessionId, privacyNoticeId } = await createProgrammeWithSession();
    await expect(
      db.registration.create({ data: { ...registration(sessionId, privacyNoticeId, "warte@example.org"), status: "WAITLISTED" } }),
    ).rejects.toThrow();
  });
});
