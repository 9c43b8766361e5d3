// Users and roles: invitations that really sign people in, role changes,
// workshop assignments and deactivation, each audited; the last
// administrator stays.
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { AuthOptions } from "next-auth";
import { describe, expect, it } from "vitest";
import { inviteUser } from "@/lib/admin/invite-user";
import { listUsers } from "@/lib/admin/queries";
import { resendInvitation } from "@/lib/admin/resend-invitation";
import { setUserActive } from "@/lib/admin/set-user-active";
import { setUserRole } from "@/lib/admin/set-user-role";
import { setUserWorkshops } from "@/lib/admin/set-user-workshops";
import { AuthorizationError, canManageWorkshop, type Actor } from "@/lib/auth/authorisation";
import { authOptions } from "@/lib/auth/options";
import { mayRequestSignIn, maySignIn } from "@/lib/auth/sign-in-policy";
import { db } from "@/lib/db";
import { organiserWorld } from "../helpers/organiser-world";

// next-auth's request handler without Next.js' request scope; its package does not export this path.
type AuthHandlerFn = (params: {
  req: {
    action: "callback";
    providerId: string;
    method: string;
    query: Record<string, string>;
    cookies: Record<string, string>;
    headers: Record<string, string>;
  };
  options: AuthOptions;
}) => Promise<{ redirect?: string; cookies?: { name: string; value: string }[] }>;
const { AuthHandler } = createRequire(import.meta.url)(fileURLToPath(new URL("../../node_modules/next-auth/core/index.js", import.meta.url))) as {
  AuthHandler: AuthHandlerFn;
};

const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.org`;

async function newUser(role: "ADMIN" | "ORGANISER", label = role.toLowerCase()): Promise<Actor> {
  return db.user.create({ data: { email: address(label), role, name: label }, select: { id: true, email: true, name: true, role: true } });
}

async function auditOf(subjectId: string) {
  return db.auditEvent.findMany({
    where: { subjectType: "user", subjectId },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true, details: true },
  });
}

function linkIn(text: string): URL {
  const match = text.match(/https?:\/\/\S+\/anmelden\/link\?\S+/);
  if (!match) throw new Error(`no sign-in link in:\n${text}`);
  return new URL(match[0]);
}

/** Follows a sign-in link: the button on its page posts to next-auth's own callback handler, as the browser would. */
async function follow(link: URL) {
  return AuthHandler({
    req: { action: "callback", providerId: "email", method: "POST", query: Object.fromEntries(link.searchParams), cookies: {}, headers: { host: link.host } },
    options: authOptions(),
  });
}

/** Runs `work` while `admin` is the only active administrator in the database, then restores the others. */
async function asOnlyAdmin<T>(admin: Actor, work: () => Promise<T>): Promise<T> {
  const others = await db.user.findMany({ where: { role: "ADMIN", active: true, id: { not: admin.id } }, select: { id: true } });
  await db.user.updateMany({ where: { id: { in: others.map((other) => other.id) } }, data: { active: false } });
  try {
    return await work();
  } finally {
    await db.user.updateMany({ where: { id: { in: others.map((other) => other.id) } }, data: { active: true } });
  }
}

describe("inviting a person", () => {
  it("creates the user with role and workshops, mails a link that signs them in once, and records it", async () => {
    const world = await organiserWorld();
    const admin = world.actors.admin;
    const email = address("neu");
    const outcome = await inviteUser(
      admin,
      { email: `  ${email.toUpperCase()} `, name: "Nora Neu", role: "ORGANISER", workshopIds: [world.workshopA.id] },
      { locale: "de" },
    );
    expect(outcome).toMatchObject({ ok: true });
    const userId = (outcome as { userId: string }).userId;

    const user = await db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, name: true, role: true, active: true, workshops: { select: { workshopId: true } } },
    });
    expect(user).toEqual({ email, name: "Nora Neu", role: "ORGANISER", active: true, workshops: [{ workshopId: world.workshopA.id }] });
    expect(await auditOf(userId)).toEqual([
      { action: "user.invite", actorId: admin.id, details: { email, role: "ORGANISER", workshopIds: [world.workshopA.id] } },
    ]);

    const message = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: email }, select: { kind: true, subject: true, text: true, html: true } });
    expect(message.kind).toBe("user-invitation");
    expect(message.subject).toContain("Einladung");
    expect(message.text).toContain("admin hat für Sie einen Zugang");
    expect(message.text).toContain("/anmelden");

    const link = linkIn(message.text!);
    expect(link.searchParams.get("email")).toBe(email);
    expect(link.searchParams.get("callbackUrl")).toMatch(/\/organisation$/);
    const signedIn = await follow(link);
    expect(signedIn.redirect).toMatch(/\/organisation$/);
    const sessionCookie = signedIn.cookies?.find((cookie) => cookie.name.endsWith("next-auth.session-token"));
    expect(sessionCookie?.value).toBeTruthy();
    expect(await db.authSession.count({ where: { userId, sessionToken: sessionCookie!.value } })).toBe(1);
    expect((await listUsers(admin)).find((entry) => entry.id === userId)?.lastSignInAt).toBeInstanceOf(Date);

    // The link is used up.
    const again = await follow(link);
    expect(again.redirect).toContain("error=Verification");
  });

  it("refuses an address that already has a user, and invalid input, without sending anything", async () => {
    const admin = await newUser("ADMIN");
    const existing = await newUser("ORGANISER");
    expect(await inviteUser(admin, { email: existing.email, role: "ADMIN" }, { locale: "de" })).toEqual({
      ok: false,
      code: "user-exists",
      userId: existing.id,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: existing.id }, select: { role: true } })).toEqual({ role: "ORGANISER" });

    const invalid = await inviteUser(admin, { email: "keine-adresse", role: "CHEF", workshopIds: [randomUUID()] }, { locale: "de" });
    expect(invalid).toMatchObject({ ok: false, code: "invalid", fieldErrors: { email: "email", role: expect.any(String) } });
    const unknownWorkshop = await inviteUser(admin, { email: address("x"), role: "ORGANISER", workshopIds: [randomUUID()] }, { locale: "de" });
    expect(unknownWorkshop).toEqual({ ok: false, code: "invalid", fieldErrors: { workshopIds: "invalid" } });
    expect(await db.outboxMessage.count({ where: { toAddress: existing.email } })).toBe(0);
  });

  it("is for administrators only", async () => {
    const organiser = await newUser("ORGANISER");
    const email = address("versuch");
    await expect(inviteUser(organiser, { email, role: "ADMIN" }, { locale: "de" })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(inviteUser(null, { email, role: "ADMIN" }, { locale: "de" })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(listUsers(organiser)).rejects.toBeInstanceOf(AuthorizationError);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("sends a fresh link on request, but not to a deactivated user", async () => {
    const admin = await newUser("ADMIN");
    const person = await newUser("ORGANISER");
    expect(await resendInvitation(admin, person.id, { locale: "en" })).toEqual({ ok: true });
    const message = await db.outboxMessage.findFirstOrThrow({
      where: { toAddress: person.email, kind: "user-invitation" },
      select: { subject: true, text: true },
    });
    expect(message.subject).toContain("Invitation");
    expect((await auditOf(person.id)).map((event) => event.action)).toEqual(["user.invite.resend"]);
    await db.user.update({ where: { id: person.id }, data: { active: false } });
    expect(await resendInvitation(admin, person.id, { locale: "de" })).toEqual({ ok: false, code: "user-inactive" });
  });
});

describe("roles", () => {
  it("changes a role with an audit event naming before and after", async () => {
    const admin = await newUser("ADMIN");
    const person = await newUser("ORGANISER");
    expect(await setUserRole(admin, person.id, { role: "ADMIN" })).toEqual({ ok: true, changed: true });
    expect(await setUserRole(admin, person.id, { role: "ADMIN" })).toEqual({ ok: true, changed: false });
    expect(await setUserRole(admin, person.id, { role: "ORGANISER" })).toEqual({ ok: true, changed: true });
    expect(await auditOf(person.id)).toEqual([
      { action: "user.role", actorId: admin.id, details: { email: person.email, from: "ORGANISER", to: "ADMIN" } },
      { action: "user.role", actorId: admin.id, details: { email: person.email, from: "ADMIN", to: "ORGANISER" } },
    ]);
    await expect(setUserRole({ ...person, role: "ORGANISER" }, admin.id, { role: "ORGANISER" })).rejects.toBeInstanceOf(AuthorizationError);
  });

  it("never demotes the last active administrator", async () => {
    const admin = await newUser("ADMIN");
    await asOnlyAdmin(admin, async () => {
      expect(await setUserRole(admin, admin.id, { role: "ORGANISER" })).toEqual({ ok: false, code: "last-admin" });
      expect(await setUserActive(admin, admin.id, false)).toEqual({ ok: false, code: "own-account" });
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { role: true, active: true } })).toEqual({ role: "ADMIN", active: true });
    expect(await auditOf(admin.id)).toEqual([]);
  });

  it("keeps one administrator when the last two demote each other at the same moment", async () => {
    const first = await newUser("ADMIN", "erste");
    const second = await newUser("ADMIN", "zweite");
    const results = await asOnlyAdmin(first, async () => {
      await db.user.update({ where: { id: second.id }, data: { active: true } });
      return Promise.allSettled([setUserRole(first, second.id, { role: "ORGANISER" }), setUserRole(second, first.id, { role: "ORGANISER" })]);
    });
    const succeeded = results.filter((result) => result.status === "fulfilled" && result.value.ok);
    expect(succeeded).toHaveLength(1);
    const roles = await db.user.findMany({ where: { id: { in: [first.id, second.id] } }, select: { role: true } });
    expect(roles.filter((user) => user.role === "ADMIN")).toHaveLength(1);
  });
});

describe("deactivation", () => {
  it("ends the user's sessions at once, revokes their links, refuses sign-in and is recorded; reactivation too", async () => {
    const admin = await newUser("ADMIN");
    const person = await newUser("ORGANISER");
    const tokens = [randomUUID(), randomUUID()];
    await db.authSession.createMany({ data: tokens.map((sessionToken) => ({ sessionToken, userId: person.id, expires: new Date(Date.now() + 3600_000) })) });
    await db.verificationToken.create({ data: { identifier: person.email, token: randomUUID(), expires: new Date(Date.now() + 3600_000) } });

    expect(await setUserActive(admin, person.id, false)).toEqual({ ok: true, changed: true, sessionsEnded: 2 });
    expect(await db.authSession.count({ where: { userId: person.id } })).toBe(0);
    expect(await authOptions().adapter!.getSessionAndUser!(tokens[0]!)).toBeNull();
    expect(await db.verificationToken.count({ where: { identifier: person.email } })).toBe(0);
    expect(await maySignIn(person.email)).toBe(false);
    expect(await mayRequestSignIn(person.email)).toBe(false);

    expect(await setUserActive(admin, person.id, true)).toEqual({ ok: true, changed: true, sessionsEnded: 0 });
    expect(await maySignIn(person.email)).toBe(true);
    expect(await auditOf(person.id)).toEqual([
      { action: "user.deactivate", actorId: admin.id, details: { email: person.email, sessionsEnded: 2, signInLinksRevoked: 1 } },
      { action: "user.reactivate", actorId: admin.id, details: { email: person.email } },
    ]);
  });

  it("is refused to organisers and for one's own account", async () => {
    const admin = await newUser("ADMIN");
    const organiser = await newUser("ORGANISER");
    await expect(setUserActive(organiser, admin.id, false)).rejects.toBeInstanceOf(AuthorizationError);
    expect(await setUserActive(admin, admin.id, false)).toEqual({ ok: false, code: "own-account" });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { active: true } })).toEqual({ active: true });
  });
});

describe("workshop assignments", () => {
  it("assigns and unassigns, each change audited, and the organiser's reach follows", async () => {
    const world = await organiserWorld();
    const { admin, organiserA } = world.actors;
    expect(await setUserWorkshops(admin, organiserA.id, [world.workshopB.id])).toEqual({ ok: true, assigned: 1, unassigned: 1 });
    expect(await canManageWorkshop(organiserA, world.workshopA.id)).toBe(false);
    expect(await canManageWorkshop(organiserA, world.workshopB.id)).toBe(true);
    const events = await auditOf(organiserA.id);
    expect(events).toHaveLength(2);
    expect(events).toEqual(
      expect.arrayContaining([
        { action: "user.assign", actorId: admin.id, details: { email: organiserA.email, workshopId: world.workshopB.id, workshop: "Workshop B" } },
        { action: "user.unassign", actorId: admin.id, details: { email: organiserA.email, workshopId: world.workshopA.id, workshop: "Workshop A" } },
      ]),
    );
    expect(await setUserWorkshops(admin, organiserA.id, [randomUUID()])).toEqual({ ok: false, code: "invalid", fieldErrors: { workshopIds: "invalid" } });
    await expect(setUserWorkshops(world.actors.organiserB, organiserA.id, [])).rejects.toBeInstanceOf(AuthorizationError);
    expect(await auditOf(organiserA.id)).toHaveLength(2);
  });
});
