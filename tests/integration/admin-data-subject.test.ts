// The administrators' page for data-subject requests: the guarded wrappers
// around lib/privacy/data-subject.ts and the JSON download route.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { eraseSubjectData, exportSubjectData, findSubjectData } from "@/lib/admin/data-subject-requests";
import { AuthorizationError, type Actor } from "@/lib/auth/authorisation";
import { db } from "@/lib/db";
import { subjectEmailHash } from "@/lib/privacy/data-subject";
import { addRegistration, organiserWorld } from "../helpers/organiser-world";

const signedIn = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => signedIn.actor }));

const { POST } = await import("@/app/organisation/admin/auskunft/herunterladen/route");

async function person() {
  const world = await organiserWorld();
  const email = `betroffen-${randomUUID().slice(0, 8)}@example.org`;
  const registration = await addRegistration(world.sessionB, world.privacyNoticeId, { status: "CONFIRMED", email });
  return { world, email, registrationId: registration.id };
}

function download(actor: Actor | null, email: string, origin: string | null = "http://localhost:3000") {
  signedIn.actor = actor;
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (origin) headers.origin = origin;
  return POST(
    new NextRequest("http://localhost:3000/organisation/admin/auskunft/herunterladen", {
      method: "POST",
      headers,
      body: new URLSearchParams({ email }).toString(),
    }),
  );
}

const exportsOf = (email: string) => db.auditEvent.count({ where: { action: "privacy.subject.export", subjectId: subjectEmailHash(email) } });

describe("data-subject requests", () => {
  it("are refused to organisers and anonymous visitors before anything is read, written or erased", async () => {
    const { world, email, registrationId } = await person();
    for (const actor of [world.actors.organiserB, null]) {
      await expect(findSubjectData(actor, email)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(exportSubjectData(actor, email)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(eraseSubjectData(actor, email)).rejects.toBeInstanceOf(AuthorizationError);
    }
    expect(await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { anonymisedAt: true, email: true } })).toEqual({
      anonymisedAt: null,
      email,
    });
    expect(await exportsOf(email)).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "privacy.subject.lookup", subjectId: subjectEmailHash(email) } })).toBe(0);
  });

  it("let an administrator see, hand out and erase, with the administrator in the audit trail", async () => {
    const { world, email, registrationId } = await person();
    const admin = world.actors.admin;
    const found = await findSubjectData(admin, email);
    expect(found).toMatchObject({ ok: true, data: { email, registrations: [{ id: registrationId }] } });
    // The lookup itself is on record, naming the address only by its hash.
    const lookup = await db.auditEvent.findFirst({
      where: { action: "privacy.subject.lookup", subjectId: subjectEmailHash(email) },
      select: { actorId: true, subjectType: true, details: true },
    });
    expect(lookup).toEqual({ actorId: admin.id, subjectType: "data-subject", details: { registrations: 1, messages: 0, auditEvents: 0 } });
    expect(JSON.stringify(lookup)).not.toContain(email);
    expect(await exportSubjectData(admin, email)).toMatchObject({ ok: true });
    expect(
      await db.auditEvent.findFirst({
        where: { action: "privacy.subject.export", subjectId: subjectEmailHash(email) },
        select: { actorId: true, actorEmail: true },
      }),
    ).toEqual({
      actorId: admin.id,
      actorEmail: admin.email,
    });

    const erased = await eraseSubjectData(admin, email);
    expect(erased).toMatchObject({ ok: true, counts: { registrations: 1, cancelled: 1 } });
    expect(await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { email: true } })).toEqual({
      email: `anonymised-${registrationId}@invalid`,
    });
    expect(await findSubjectData(admin, "keine adresse")).toEqual({ ok: false, code: "invalid-email" });
  });
});

describe("the JSON download route", () => {
  it("hands an administrator the data as an attachment and records it", async () => {
    const { world, email, registrationId } = await person();
    const response = await download(world.actors.admin, email);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="auskunft_\d{4}-\d{2}-\d{2}_\d{4}\.json"/);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = (await response.json()) as { email: string; registrations: { id: string }[] };
    expect(body.email).toBe(email);
    expect(body.registrations.map((registration) => registration.id)).toEqual([registrationId]);
    expect(await exportsOf(email)).toBe(1);
  });

  it("gives organisers, anonymous visitors and other sites nothing", async () => {
    const { world, email } = await person();
    for (const [actor, origin] of [
      [world.actors.organiserA, "http://localhost:3000"],
      [null, "http://localhost:3000"],
      [world.actors.admin, "https://evil.example"],
    ] as const) {
      const response = await download(actor, email, origin);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain(email);
    }
    expect(await exportsOf(email)).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "privacy.subject.lookup", subjectId: subjectEmailHash(email) } })).toBe(0);
  });

  it("answers an invalid address with 400", async () => {
    const { world } = await person();
    expect((await download(world.actors.admin, "nicht-gueltig")).status).toBe(400);
  });
});
