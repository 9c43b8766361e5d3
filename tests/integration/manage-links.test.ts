import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as calendarFile } from "@/app/r/[token]/kalender.ics/route";
import { db } from "@/lib/db";
import { resolveManageToken } from "@/lib/registrations/manage-access";
import { registerParticipant } from "@/lib/registrations/register-participant";
import { createProgrammeWithSession } from "../helpers/factories";
import { queuedEmail } from "../helpers/outbox";

const guess = () => randomBytes(32).toString("base64url");

async function registeredToken(): Promise<{ token: string; registrationId: string }> {
  const { sessionId } = await createProgrammeWithSession();
  const outcome = await registerParticipant(
    {
      sessionId,
      firstName: "Lena",
      lastName: "Link",
      email: `link.${guess().slice(0, 8)}@example.org`,
      organisation: "Stadt Beispiel",
      role: "ADMINISTRATION",
      consent: true,
      privacyNoticeVersion: "1",
      locale: "de",
    },
    { ip: null },
  );
  if (!outcome.ok) throw new Error(outcome.code);
  // The link travels only by email (docs/decisions/0014).
  const mail = await queuedEmail({ registrationId: outcome.registrationId });
  const token = mail.text.match(/\/r\/([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error("no manage link in the confirmation email");
  return { token, registrationId: outcome.registrationId };
}

describe("private manage links", () => {
  it("cannot be found by trying: after 60 wrong links from one address even the right one is refused there, but not elsewhere", async () => {
    const { token, registrationId } = await registeredToken();
    const attacker = `203.0.113.${Math.floor(Math.random() * 200)}`;
    expect(await resolveManageToken(token, attacker)).toEqual({ id: registrationId });

    const answers = [];
    for (let attempt = 0; attempt < 61; attempt++) answers.push(await resolveManageToken(guess(), attacker));
    expect(answers.slice(0, 60).every((answer) => answer === "unknown")).toBe(true);
    expect(answers[60]).toBe("rate-limited");
    expect(await resolveManageToken(token, attacker)).toBe("rate-limited");

    expect(await resolveManageToken(token, "198.51.100.20")).toEqual({ id: registrationId });
    // The window has passed.
    await db.$executeRaw`UPDATE "rate_limits" SET "windowStart" = now() - interval '11 minutes' WHERE "key" LIKE 'manage:ip:%'`;
    expect(await resolveManageToken(token, attacker)).toEqual({ id: registrationId });
  });

  it("are stored only as hashes, so a database reader cannot use them", async () => {
    const { token, registrationId } = await registeredToken();
    const stored = await db.manageToken.findMany({ where: { registrationId }, select: { hash: true } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.hash).not.toContain(token);
    expect(stored[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await resolveManageToken(stored[0]!.hash, null)).toBe("unknown");
  });

  it("the calendar file counts wrong links against the caller's address like every other private page", async () => {
    const { token } = await registeredToken();
    const attacker = `192.0.2.${Math.floor(Math.random() * 200)}`;
    const download = (candidate: string, ip: string) =>
      calendarFile(new Request(`http://localhost/r/${candidate}/kalender.ics`, { headers: { "x-forwarded-for": ip } }), {
        params: Promise.resolve({ token: candidate }),
      });

    const right = await download(token, attacker);
    expect(right.status).toBe(200);
    expect(await right.text()).toContain("BEGIN:VCALENDAR");

    const statuses = [];
    for (let attempt = 0; attempt < 61; attempt++) statuses.push((await download(guess(), attacker)).status);
    expect(statuses.slice(0, 60).every((status) => status === 404)).toBe(true);
    expect(statuses[60]).toBe(429);
    expect((await download(token, attacker)).status).toBe(429);
    expect((await download(token, "198.51.100.21")).status).toBe(200);
  });
});
