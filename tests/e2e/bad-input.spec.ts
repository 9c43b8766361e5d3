// Hostile values in every dynamic path segment and query parameter of the
// public and organiser routes (app/), against the production build: never a
// 5xx, pages answer with a page, the public API with its documented JSON
// error shape. Also the requests Next.js itself would answer with a 500
// (a cross-site server action, an undecodable path) and the Referrer-Policy
// of pages with private tokens in their address (decision 0015).
import { randomBytes, randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { sessionIdOf, withDatabase } from "./support/database";

const port = Number(process.env.E2E_PORT ?? 3210);
const origin = `http://localhost:${port}`;

/** Already percent-encoded as they go on the wire: NUL, lone surrogates, non-UUIDs, long, traversal, wildcards, unicode. */
const hostileSegments = [
  "%00",
  "%ED%A0%80",
  "%ED%B0%80",
  "%FF",
  "%C0%AF",
  "%",
  "%25",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e",
  "-".repeat(36),
  "0".repeat(36),
  "F".repeat(36),
  "0AD9B0F6-592E-4204-9309-F25B25CCE06F",
  "00000000-0000-0000-0000-000000000000",
  "x".repeat(3000),
  "%F0%9F%98%80",
  "B%C3%BCrger%20%E2%80%93%20%D8%B9%D8%B1%D8%A8%D9%8A",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "'%3B%20DROP%20TABLE%20sessions%3B--",
  "_",
  "%5C",
];
const hostileQueryValues = [
  "%00",
  "%ED%A0%80",
  "%FF",
  "%",
  "%25",
  "_",
  "-".repeat(36),
  "0".repeat(36),
  "x".repeat(3000),
  "%F0%9F%98%80",
  "9999-99-99",
  "2026-11-27T10%3A00%3A00.000Z_------------------------------------",
  "-1",
  "1e308",
];

/** Every dynamic route of app/, with "{}" where a hostile segment goes; "{session}" etc. are real ids. */
const publicRoutes = [
  "/termine/{}/anmeldung",
  "/materialien/{}",
  "/workshops/{}",
  "/r/{}",
  "/r/{}/absagen",
  "/r/{}/bestaetigen",
  "/r/{}/kalender.ics",
  "/postfach/{}",
  "/postfach/{}/anhaenge/0",
  "/postfach/{message}/anhaenge/{}",
  "/{}",
];
const apiRoutes = ["/api/v1/sessions/{}", "/api/v1/sessions/{}/registrations"];
const organiserRoutes = [
  "/organisation/termine/{}",
  "/organisation/termine/{}/absagen",
  "/organisation/termine/{}/bearbeiten",
  "/organisation/termine/{}/drucken",
  "/organisation/termine/{}/hinzufuegen",
  "/organisation/termine/{}/nachricht",
  "/organisation/workshops/{}",
  "/organisation/workshops/{}/fragen",
  "/organisation/workshops/{}/materialien",
  "/organisation/workshops/{}/termine/neu",
  "/organisation/workshops/{}/texte",
  "/organisation/admin/benutzer/{}",
];
/** Pages and the query parameters they read. */
const queryRoutes: [string, string[]][] = [
  ["/", ["q", "meldung"]],
  ["/termine/{session}/anmeldung", ["neu", "fehler"]],
  ["/workshops/{slug}", ["termin"]],
  ["/r/{token}", ["neu", "ok", "fehler"]],
  ["/anmelden", ["callbackUrl", "error"]],
  ["/anmelden/pruefen", ["email"]],
  ["/organisation", ["meldung", "fehler", "count"]],
  ["/organisation/termine/{session}", ["q", "status", "sort", "meldung", "fehler", "count", "promoted", "notified", "capacity", "taken"]],
  ["/organisation/workshops/{workshop}/fragen", ["bearbeiten", "meldung"]],
  ["/organisation/workshops/{workshop}", ["meldung", "fehler"]],
  ["/organisation/admin/protokoll", ["actor", "action", "from", "to", "vor", "nach"]],
  ["/organisation/admin/benutzer", ["meldung", "fehler"]],
  ["/organisation/export", ["programmeId", "workshopId", "sessionId", "status", "from", "to"]],
];

type Ids = { session: string; slug: string; workshop: string; message: string; token: string };

async function realIds(): Promise<Ids> {
  const session = await sessionIdOf("vielfaltsorientierte-verwaltung");
  return withDatabase(async (client) => {
    const { rows } = await client.query<{ workshop: string; slug: string }>(
      `SELECT w.id AS workshop, w.slug FROM sessions s JOIN workshops w ON w.id = s."workshopId" WHERE s.id = $1`,
      [session],
    );
    const message = await client.query<{ id: string }>(`SELECT id FROM outbox_messages ORDER BY "createdAt" LIMIT 1`);
    return {
      session,
      workshop: rows[0]!.workshop,
      slug: rows[0]!.slug,
      message: message.rows[0]?.id ?? randomUUID(),
      token: randomBytes(32).toString("base64url"),
    };
  });
}

function fill(route: string, ids: Ids, value = ""): string {
  return route.replace("{}", value).replace(/\{(session|slug|workshop|message|token)\}/g, (_, name: keyof Ids) => ids[name]);
}

/** A signed-in administrator, made in the database (the sign-in flow has its own tests). */
async function signInAsAdministrator(request: APIRequestContext): Promise<string> {
  const token = randomBytes(32).toString("hex");
  await withDatabase(async (client) => {
    const email = `fuzz-admin-${randomUUID().slice(0, 8)}@komma.example.org`;
    const user = await client.query<{ id: string }>(
      `INSERT INTO users (id, email, role, active, "updatedAt") VALUES ($1, $2, 'ADMIN', true, now()) RETURNING id`,
      [randomUUID(), email],
    );
    await client.query(`INSERT INTO auth_sessions (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, now() + interval '1 hour')`, [
      randomUUID(),
      token,
      user.rows[0]!.id,
    ]);
  });
  const check = await request.get("/organisation", { headers: { cookie: `next-auth.session-token=${token}` }, maxRedirects: 0 });
  expect(check.status(), "signed in").toBe(200);
  return `next-auth.session-token=${token}`;
}

async function expectAnswered(request: APIRequestContext, path: string, options: { cookie?: string; api?: boolean; method?: "GET" | "POST" } = {}) {
  const headers: Record<string, string> = { "accept-language": "de" };
  if (options.cookie) headers.cookie = options.cookie;
  const response =
    options.method === "POST"
      ? await request.post(path, { headers: { ...headers, "content-type": "application/json" }, data: "{}", maxRedirects: 0 })
      : await request.get(path, { headers, maxRedirects: 0 });
  const status = response.status();
  expect(status, `${options.method ?? "GET"} ${path.slice(0, 200)}`).toBeLessThan(500);
  // A page can show its 404 or error view with a server error hidden in the stream: Next.js then sends the error's digest.
  if ((response.headers()["content-type"] ?? "").includes("text/html"))
    expect(await response.text(), `server error rendered for ${path.slice(0, 200)}`).not.toMatch(/digest\\?":\\?"\d+\\?"/);
  // "%2e%2e" is a dot segment: the client resolves it to another path, which is not the API.
  if (options.api && status >= 400 && !/%2e%2e/i.test(path)) {
    const body = await response.json();
    expect(body.error, path.slice(0, 200)).toMatchObject({ code: expect.any(String), message: expect.any(String), retryable: expect.any(Boolean) });
  }
  return response;
}

test.describe("hostile values in addresses", () => {
  test("every dynamic path segment of the public pages and the API answers without a server error", async ({ request }) => {
    test.setTimeout(180_000);
    const ids = await realIds();
    for (const value of hostileSegments) {
      for (const route of publicRoutes) await expectAnswered(request, fill(route, ids, value));
      // The registrations route takes POST only (a GET gets Next.js' empty 405).
      for (const route of apiRoutes)
        await expectAnswered(request, fill(route, ids, value), { api: true, method: route.endsWith("/registrations") ? "POST" : "GET" });
    }
  });

  test("a malformed id is not found: the not-found page, or the API's JSON error", async ({ request }) => {
    for (const id of ["-".repeat(36), "0".repeat(36), "%ED%A0%80", "%00"]) {
      for (const path of [`/termine/${id}/anmeldung`, `/materialien/${id}`]) {
        const response = await request.get(path);
        expect(response.status(), path).toBe(404);
        if (path.startsWith("/termine")) expect(await response.text(), path).toContain("Seite nicht gefunden");
      }
      const api = await request.get(`/api/v1/sessions/${id}`, { headers: { "accept-language": "en" } });
      expect(api.status()).toBe(404);
      expect((await api.json()).error).toMatchObject({ code: "not-found", retryable: false });
      const register = await request.post(`/api/v1/sessions/${id}/registrations`, { data: { firstName: "A" } });
      expect(register.status()).toBe(404);
      expect((await register.json()).error.code).toMatch(/not-found/);
    }
  });

  test("every dynamic path segment of the organiser pages answers without a server error", async ({ request }) => {
    test.setTimeout(180_000);
    const cookie = await signInAsAdministrator(request);
    const ids = await realIds();
    for (const value of hostileSegments) {
      for (const route of organiserRoutes) await expectAnswered(request, fill(route, ids, value), { cookie });
    }
  });

  test("every query parameter a page reads answers without a server error", async ({ request }) => {
    test.setTimeout(300_000);
    const cookie = await signInAsAdministrator(request);
    const ids = await realIds();
    for (const [route, names] of queryRoutes) {
      const base = fill(route, ids);
      for (const name of names) {
        for (const value of hostileQueryValues) await expectAnswered(request, `${base}?${name}=${value}`, { cookie });
        await expectAnswered(request, `${base}?${name}=a&${name}=b`, { cookie });
      }
    }
    await expectAnswered(request, `/api/v1/sessions/${ids.session}?x=%00&y=%ED%A0%80`, { api: true });
  });
});

test.describe("hostile text", () => {
  test("NUL or a lone surrogate in a registration is a field error in the caller's language, and nothing is stored", async ({ request }) => {
    const session = await sessionIdOf("vielfaltsorientierte-verwaltung");
    const privacy = await (await request.get(`/api/v1/sessions/${session}`)).json();
    const person = {
      firstName: "Jonas",
      lastName: "Fuzz",
      email: "fuzz.text@example.org",
      organisation: "Stadt",
      role: "OTHER",
      consent: true,
      privacyNoticeVersion: privacy.privacyNoticeVersion,
    };
    // JSON.stringify writes lone surrogates as \ud800 escapes, as a hostile client would send them.
    for (const [field, value] of [
      ["firstName", "Jo\u0000nas"],
      ["organisation", "Stadt\ud800"],
      ["lastName", "\udc00"],
    ] as const) {
      const response = await request.post(`/api/v1/sessions/${session}/registrations`, {
        headers: { "content-type": "application/json", "accept-language": "en" },
        data: JSON.stringify({ ...person, [field]: value }),
      });
      expect(response.status()).toBe(422);
      const body = await response.json();
      expect(body.error.fields[field]).toEqual({ code: "invalidCharacters", message: expect.stringContaining("cannot be stored") });
    }
    const stored = await withDatabase((client) => client.query(`SELECT 1 FROM registrations WHERE email = 'fuzz.text@example.org'`));
    expect(stored.rowCount).toBe(0);
  });

  test("NUL or a lone surrogate in the attendee search finds, never fails", async ({ request }) => {
    const cookie = await signInAsAdministrator(request);
    const session = await sessionIdOf("vielfaltsorientierte-verwaltung");
    for (const q of ["%00", "%ED%A0%80", "M%C3%BCller%00", "%25", "_", "%5C"]) {
      const response = await request.get(`/organisation/termine/${session}?q=${q}`, { headers: { cookie } });
      expect(response.status(), q).toBe(200);
    }
  });
});

test.describe("requests Next.js would answer with a 500", () => {
  test("a cross-site server action is refused with 403 before it runs; the same request from this site is not", async ({ request, page }) => {
    const session = await sessionIdOf("vielfaltsorientierte-verwaltung");
    await page.goto(`/termine/${session}/anmeldung`);
    const actionId = JSON.parse((await page.locator('input[name="$ACTION_1:0"]').getAttribute("value"))!).id as string;
    for (const foreign of ["https://evil.example", "null", "notaurl", `http://localhost:${port + 1}`]) {
      const fetchAction = await request.post(`/termine/${session}/anmeldung`, {
        headers: { "Next-Action": actionId, Origin: foreign, "content-type": "text/plain;charset=UTF-8" },
        data: "[]",
      });
      expect(fetchAction.status(), foreign).toBe(403);
      expect(await fetchAction.text()).toContain("anderen Website");
      const formAction = await request.post(`/termine/${session}/anmeldung`, {
        headers: { Origin: foreign },
        multipart: { $ACTION_REF_1: "", "$ACTION_1:0": JSON.stringify({ id: actionId, bound: "$@1" }), "$ACTION_1:1": "[{}]", firstName: "x" },
      });
      expect(formAction.status(), foreign).toBe(403);
    }
    // From this site the action runs and answers with the form's own field errors.
    const sameSite = await request.post(`/termine/${session}/anmeldung`, {
      headers: { Origin: origin },
      multipart: {
        $ACTION_REF_1: "",
        "$ACTION_1:0": JSON.stringify({ id: actionId, bound: "$@1" }),
        "$ACTION_1:1": "[{}]",
        sessionId: session,
        firstName: "x",
      },
    });
    expect(sameSite.status()).toBeLessThan(500);
    expect(sameSite.status()).not.toBe(403);
  });

  test("a raw lone surrogate in the address is not found either", async () => {
    const net = await import("node:net");
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, "localhost", () => {
        socket.write(
          Buffer.concat([
            Buffer.from("GET /workshops/"),
            Buffer.from([0xed, 0xa0, 0x80]),
            Buffer.from(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
          ]),
        );
      });
      let received = "";
      socket.on("data", (chunk) => (received += chunk.toString("latin1")));
      socket.on("end", () => resolve(received));
      socket.on("error", reject);
    });
    expect(answer.split("\r\n")[0]).toMatch(/^HTTP\/1\.1 4\d\d/);
  });
});

test.describe("the Referrer-Policy header", () => {
  test("is no-referrer on pages with a private token in their address, the origin-only default elsewhere", async ({ request }) => {
    const token = randomBytes(32).toString("base64url");
    for (const path of [`/r/${token}`, `/r/${token}/absagen`, `/r/${token}/bestaetigen`, `/r/${token}/kalender.ics`, "/postfach", "/anmelden/link"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.headers()["referrer-policy"], path).toBe("no-referrer");
    }
    for (const path of ["/", "/anmelden", "/impressum"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.headers()["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    }
  });
});
