import { createHash, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Account, AuthOptions, User } from "next-auth";
import type { AdapterUser } from "next-auth/adapters";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";

const firstAdmin = `erste-admin-${randomUUID().slice(0, 8)}@example.org`;
const terminalAdmin = `terminal-admin-${randomUUID().slice(0, 8)}@example.org`;
process.env.ADMIN_EMAILS = `${firstAdmin}, ${terminalAdmin}, other@example.org`;

// The work after the response (next/server's after()) is collected here and run when a test says so.
const afterResponse: (() => Promise<void> | void)[] = [];
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => Promise<void> | void) => void afterResponse.push(task),
}));

const { authOptions } = await import("@/lib/auth/options");
const { requestSignInLink } = await import("@/lib/auth/request-sign-in-link");
const { issueSignInLink } = await import("@/lib/admin/issue-sign-in-link");
const { setUserActive } = await import("@/lib/admin/set-user-active");

// next-auth's request handler without Next.js' request scope; its package does not export this path.
type AuthHandlerFn = (params: {
  req: {
    action: string;
    providerId?: string;
    method: string;
    query?: Record<string, string>;
    body?: Record<string, string>;
    cookies: Record<string, string>;
    headers: Record<string, string>;
  };
  options: AuthOptions;
}) => Promise<{ redirect?: string; body?: unknown; cookies?: { name: string; value: string; options?: { expires?: Date } }[] }>;
const { AuthHandler } = createRequire(import.meta.url)(fileURLToPath(new URL("../../../node_modules/next-auth/core/index.js", import.meta.url))) as {
  AuthHandler: AuthHandlerFn;
};

const SESSION_COOKIE = "next-auth.session-token";
const address = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.org`;

function placeholder(email: string): AdapterUser {
  // What next-auth hands the signIn callback for an address without a user.
  return { id: email, email, emailVerified: null };
}

async function requestSignIn(user: User | AdapterUser, options = authOptions()) {
  const account: Account = { providerAccountId: user.email!, userId: user.email!, type: "email", provider: "email" };
  return options.callbacks!.signIn!({ user, account, email: { verificationRequest: true } });
}

async function runAfterResponse() {
  for (const task of afterResponse.splice(0)) await task();
}

async function sentLinks(email: string): Promise<URL[]> {
  const messages = await db.outboxMessage.findMany({
    where: { toAddress: email, kind: "sign-in-link" },
    select: { text: true },
    orderBy: { createdAt: "asc" },
  });
  return messages.map((message) => new URL(message.text!.match(/https?:\/\/\S+\/anmelden\/link\?\S+/)![0]));
}

/** The button on the link's page: a POST to next-auth's email callback with the link's parameters, and whatever cookies the browser holds. */
async function pressSignInButton(link: URL, cookies: Record<string, string> = {}) {
  const outcome = await AuthHandler({
    req: {
      action: "callback",
      providerId: "email",
      method: "POST",
      query: Object.fromEntries(link.searchParams),
      body: {},
      cookies,
      headers: { host: link.host },
    },
    options: authOptions(),
  });
  const session = outcome.cookies?.find((cookie) => cookie.name === SESSION_COOKIE && cookie.value);
  return { redirect: outcome.redirect, sessionToken: session?.value };
}

function rateLimitKey(email: string) {
  return `signin:email:${createHash("sha256").update(email).digest("base64url")}`;
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
  beforeEach(() => {
    afterResponse.length = 0;
  });

  it("answers every address the same before doing any work that depends on it, then mails only known users", async () => {
    const known = await db.user.create({ data: { email: address("known"), role: "ORGANISER" } });
    const unknown = address("unknown");
    const answers = [await requestSignIn(known), await requestSignIn(placeholder(unknown))];
    // Both go where next-auth sends everyone after a request: the "check your email" page.
    expect(answers).toEqual([
      "http://localhost:3000/api/auth/verify-request?provider=email&type=email",
      "http://localhost:3000/api/auth/verify-request?provider=email&type=email",
    ]);
    // Nothing was looked up, counted or written before the answer.
    expect(afterResponse).toHaveLength(2);
    expect(await db.rateLimit.count({ where: { key: { in: [rateLimitKey(known.email), rateLimitKey(unknown)] } } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { toAddress: { in: [known.email, unknown] } } })).toBe(0);

    await runAfterResponse();
    expect(await sentLinks(known.email)).toHaveLength(1);
    expect(await sentLinks(unknown)).toHaveLength(0);
    expect(await db.user.findUnique({ where: { email: unknown } })).toBeNull();
    // The unknown address was counted like the known one.
    expect(await db.rateLimit.count({ where: { key: { in: [rateLimitKey(known.email), rateLimitKey(unknown)] } } })).toBe(2);
  });

  it("counts attempts per address whether or not the address is known", async () => {
    const known = await db.user.create({ data: { email: address("limited"), role: "ORGANISER" } });
    const unknown = address("limited-unknown");
    const outcomes = [];
    for (let attempt = 0; attempt < 6; attempt++) outcomes.push(await requestSignInLink({ email: known.email, locale: "de", callbackUrl: "/organisation" }));
    for (let attempt = 0; attempt < 6; attempt++) await requestSignInLink({ email: unknown, locale: "de", callbackUrl: "/organisation" });
    expect(outcomes).toEqual(["sent", "sent", "sent", "sent", "sent", "refused"]);
    const counters = await db.rateLimit.findMany({ where: { key: { in: [rateLimitKey(known.email), rateLimitKey(unknown)] } }, select: { count: true } });
    expect(counters.map((counter) => counter.count)).toEqual([6, 6]);
  });

  it("refuses deactivated users both when asking for a link and when using one", async () => {
    const inactive = await db.user.create({ data: { email: address("inactive"), role: "ORGANISER", active: false } });
    expect(await requestSignInLink({ email: inactive.email, locale: "de", callbackUrl: "/organisation" })).toBe("refused");
    const account: Account = { providerAccountId: inactive.email, type: "email", provider: "email" };
    expect(await authOptions().callbacks!.signIn!({ user: inactive, account })).toBe(false);
  });

  it("makes an address from ADMIN_EMAILS the first administrator when it asks for a link", async () => {
    expect(await requestSignInLink({ email: firstAdmin.toUpperCase(), locale: "de", callbackUrl: "/organisation" })).toBe("sent");
    expect(await db.user.findUnique({ where: { email: firstAdmin }, select: { role: true, active: true } })).toEqual({ role: "ADMIN", active: true });
    expect(await db.auditEvent.count({ where: { action: "user.create", details: { path: ["email"], equals: firstAdmin } } })).toBe(1);
  });

  it("mails a link to our page that keeps the requested path, which only the page's button spends", async () => {
    const user = await db.user.create({ data: { email: address("link"), role: "ORGANISER" } });
    await requestSignIn(user, authOptions({ signInCallbackUrl: "/organisation/workshops?x=1" }));
    await runAfterResponse();
    const [link] = await sentLinks(user.email);
    expect(link!.pathname).toBe("/anmelden/link");
    expect(link!.searchParams.get("callbackUrl")).toBe("/organisation/workshops?x=1");
    expect(link!.searchParams.get("email")).toBe(user.email);

    const signedIn = await pressSignInButton(link!);
    expect(signedIn.redirect).toBe("http://localhost:3000/organisation/workshops?x=1");
    expect(await db.authSession.count({ where: { userId: user.id, sessionToken: signedIn.sessionToken } })).toBe(1);
    expect((await pressSignInButton(link!)).redirect).toContain("error=Verification");
  });

  it("never sends a sign-in request's link to another site", async () => {
    const user = await db.user.create({ data: { email: address("redirect"), role: "ORGANISER" } });
    await requestSignIn(user, authOptions({ signInCallbackUrl: "http://localhost:3000//evil.example/" }));
    await runAfterResponse();
    const [link] = await sentLinks(user.email);
    expect(link!.searchParams.get("callbackUrl")).toBe("/organisation");
  });

  it("lets next-auth's own redirects (callbackUrl on /api/auth/*) stay on this site", async () => {
    const redirect = (url: string) => authOptions().callbacks!.redirect!({ url, baseUrl: "http://localhost:3000" });
    expect(await redirect("/organisation/export")).toBe("http://localhost:3000/organisation/export");
    expect(await redirect("http://localhost:3000/abmelden")).toBe("http://localhost:3000/abmelden");
    for (const hostile of ["http://localhost:3000//evil.example/", "//evil.example", "/\\evil.example", "https://evil.example/", "/%5Cevil.example"]) {
      expect(await redirect(hostile)).toBe("http://localhost:3000/organisation");
    }
  });

  it("signs in although the browser holds a made-up session cookie", async () => {
    const user = await db.user.create({ data: { email: address("made-up-cookie"), role: "ORGANISER" } });
    const { url } = (await issueSignInLink(user.email)) as { url: string };
    const signedIn = await pressSignInButton(new URL(url), { [SESSION_COOKIE]: randomUUID() });
    expect(signedIn.redirect).toBe("http://localhost:3000/organisation");
    expect(await db.authSession.count({ where: { userId: user.id, sessionToken: signedIn.sessionToken } })).toBe(1);
  });

  it("lets a deactivated and reactivated user sign in again with the old session cookie still in their browser", async () => {
    const admin = await db.user.create({ data: { email: address("admin"), role: "ADMIN" }, select: { id: true, email: true, name: true, role: true } });
    const user = await db.user.create({ data: { email: address("reactivated"), role: "ORGANISER" } });
    const first = await pressSignInButton(new URL(((await issueSignInLink(user.email)) as { url: string }).url));
    expect(first.sessionToken).toBeTruthy();

    await setUserActive(admin, user.id, false);
    // While deactivated, the old cookie names no session (and next-auth clears it).
    expect(await authOptions().adapter!.getSessionAndUser!(first.sessionToken!)).toBeNull();
    await setUserActive(admin, user.id, true);

    const again = await pressSignInButton(new URL(((await issueSignInLink(user.email)) as { url: string }).url), { [SESSION_COOKIE]: first.sessionToken! });
    expect(again.redirect).toBe("http://localhost:3000/organisation");
    expect(again.sessionToken).not.toBe(first.sessionToken);
    expect(await db.authSession.count({ where: { userId: user.id } })).toBe(1);
  });

  it("treats the session of a deactivated user as none, and cleans up missing sessions without failing", async () => {
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
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await adapter.getSessionAndUser!(sessionToken)).toBeNull();
    await adapter.deleteSession!(sessionToken);
    expect(await db.authSession.count({ where: { sessionToken } })).toBe(0);

    // Gone rows: next-auth deletes and refreshes sessions a browser still names.
    await expect(adapter.deleteSession!(sessionToken)).resolves.toBeNull();
    await expect(adapter.updateSession!({ sessionToken, expires: new Date(Date.now() + 3600_000) })).resolves.toBeNull();
    // The session endpoint with a made-up cookie: anonymous, cookie cleared, no error.
    const session = await AuthHandler({
      req: { action: "session", method: "GET", cookies: { [SESSION_COOKIE]: randomUUID() }, headers: { host: "localhost:3000" } },
      options: authOptions(),
    });
    expect(session.body).toEqual({});
    expect(session.cookies?.find((cookie) => cookie.name === SESSION_COOKIE)?.value).toBe("");

    await expect(adapter.createUser!({ id: "x", email: address("self-signup"), emailVerified: null })).rejects.toThrow();
  });
});

describe("npm run user:sign-in-link", () => {
  it("gives the operator a link for an active user, or makes an ADMIN_EMAILS address the first administrator; never for others", async () => {
    const terminal = await issueSignInLink(terminalAdmin);
    expect(terminal).toMatchObject({ ok: true });
    const link = new URL((terminal as { url: string }).url);
    expect(link.origin + link.pathname).toBe("http://localhost:3000/anmelden/link");
    const admin = await db.user.findUniqueOrThrow({ where: { email: terminalAdmin }, select: { id: true, role: true } });
    expect(admin.role).toBe("ADMIN");
    expect(await db.auditEvent.count({ where: { action: "user.sign-in-link", subjectId: admin.id } })).toBe(1);
    expect((await pressSignInButton(link)).redirect).toBe("http://localhost:3000/organisation");

    expect(await issueSignInLink(address("nobody"))).toEqual({ ok: false, code: "unknown-user" });
    const inactive = await db.user.create({ data: { email: address("inactive-cli"), role: "ORGANISER", active: false } });
    expect(await issueSignInLink(inactive.email)).toEqual({ ok: false, code: "user-inactive" });
    expect(await db.verificationToken.count({ where: { identifier: inactive.email } })).toBe(0);
  });
});
