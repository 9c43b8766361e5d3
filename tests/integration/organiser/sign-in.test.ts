import { randomUUID } from "node:crypto";
import type { Account, User } from "next-auth";
import type { AdapterUser } from "next-auth/adapters";
import type { EmailConfig } from "next-auth/providers/email";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";

const firstAdmin = `erste-admin-${randomUUID().slice(0, 8)}@example.org`;
process.env.ADMIN_EMAILS = `${firstAdmin}, other@example.org`;

const { authOptions } = await import("@/lib/auth/options");

const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.org`;

function placeholder(email: string): AdapterUser {
  // What next-auth hands the signIn callback for an address without a user.
  return { id: email, email, emailVerified: null };
}

async function requestSignIn(user: User | AdapterUser) {
  const account: Account = { providerAccountId: user.email!, userId: user.email!, type: "email", provider: "email" };
  return authOptions().callbacks!.signIn!({ user, account, email: { verificationRequest: true } });
}

describe("organiser sign-in", () => {
  beforeAll(async () => {
    // The sign-in email names the programme when there is one.
    await db.programme.upsert({
      where: { slug: "komma" },
      create: { slug: "komma", name: "KommA", description: "Programm", contactEmail: "komma@example.org" },
      update: {},
    });
  });

  it("answers an unknown address exactly like a known one, and creates no user", async () => {
    const known = await db.user.create({ data: { email: address("known"), role: "ORGANISER" } });
    const unknown = address("unknown");
    expect(await requestSignIn(known)).toBe(true);
    const refusal = await requestSignIn(placeholder(unknown));
    // The redirect goes where next-auth sends everyone after a request: the "check your email" page.
    expect(refusal).toBe("http://localhost:3000/api/auth/verify-request?provider=email&type=email");
    expect(await db.user.findUnique({ where: { email: unknown } })).toBeNull();
  });

  it("refuses deactivated users both when asking for a link and when using one", async () => {
    const inactive = await db.user.create({ data: { email: address("inactive"), role: "ORGANISER", active: false } });
    expect(typeof (await requestSignIn(inactive))).toBe("string");
    const account: Account = { providerAccountId: inactive.email, type: "email", provider: "email" };
    expect(await authOptions().callbacks!.signIn!({ user: inactive, account })).toBe(false);
  });

  it("makes an address from ADMIN_EMAILS the first administrator when it asks for a link", async () => {
    expect(await requestSignIn(placeholder(firstAdmin))).toBe(true);
    expect(await db.user.findUnique({ where: { email: firstAdmin }, select: { role: true, active: true } })).toEqual({ role: "ADMIN", active: true });
    expect(await db.auditEvent.count({ where: { action: "user.create", details: { path: ["email"], equals: firstAdmin } } })).toBe(1);
  });

  it("writes the sign-in link to the outbox instead of sending it itself", async () => {
    const email = address("link");
    // next-auth merges the options into its default provider at run time; ours must be the one used.
    const provider = authOptions().providers[0] as EmailConfig;
    const send = provider.options.sendVerificationRequest!;
    const url = `http://localhost:3000/api/auth/callback/email?token=abc&email=${encodeURIComponent(email)}`;
    await send({ identifier: email, url, expires: new Date(Date.now() + 30 * 60_000), provider, token: "abc", theme: {} });
    const message = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: email }, select: { kind: true, text: true, status: true } });
    expect(message).toMatchObject({ kind: "sign-in-link", status: "PENDING" });
    expect(message.text).toContain(url);
  });

  it("stores next-auth's sessions and tokens in our renamed models through the Prisma adapter", async () => {
    const adapter = authOptions().adapter!;
    const user = await db.user.create({ data: { email: address("adapter"), role: "ORGANISER" } });
    expect(await adapter.getUserByEmail!(user.email)).toMatchObject({ id: user.id });

    const token = { identifier: user.email, token: randomUUID(), expires: new Date(Date.now() + 60_000) };
    await adapter.createVerificationToken!(token);
    expect(await adapter.useVerificationToken!({ identifier: user.email, token: token.token })).toMatchObject({ identifier: user.email });
    // A used link is gone; a second use finds nothing instead of failing.
    expect(await adapter.useVerificationToken!({ identifier: user.email, token: token.token })).toBeNull();

    const sessionToken = randomUUID();
    await adapter.createSession!({ sessionToken, userId: user.id, expires: new Date(Date.now() + 3600_000) });
    expect(await adapter.getSessionAndUser!(sessionToken)).toMatchObject({ session: { sessionToken }, user: { id: user.id } });
    await adapter.deleteSession!(sessionToken);
    expect(await adapter.getSessionAndUser!(sessionToken)).toBeNull();

    await expect(adapter.createUser!({ id: "x", email: address("self-signup"), emailVerified: null })).rejects.toThrow();
  });
});
