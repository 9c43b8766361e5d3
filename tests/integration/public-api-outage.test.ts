// The public API while the database is unreachable (a restart, a failover):
// the route handlers answer 503 with Retry-After, as docs/api/openapi.yaml
// says, and answer normally again once the database is back. The database
// really goes away: this file's app modules reach it through a TCP proxy
// that drops every connection and refuses new ones.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { disconnectDb } from "@/lib/db";
import { createProgrammeWithSession } from "../helpers/factories";
import { expectDocumentedResponse } from "../helpers/openapi";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy";

const databaseUrl = process.env.DATABASE_URL!;
let proxy: TcpProxy;
let GET: typeof import("@/app/api/v1/sessions/[id]/route").GET;
let POST: typeof import("@/app/api/v1/sessions/[id]/registrations/route").POST;
let sessionId: string;
let unreadSessionId: string;

beforeAll(async () => {
  ({ sessionId, otherSessionId: unreadSessionId } = await createProgrammeWithSession());
  const target = new URL(databaseUrl);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  await disconnectDb();
  const proxied = new URL(databaseUrl);
  proxied.port = String(proxy.port);
  process.env.DATABASE_URL = proxied.toString();
  // Fresh modules read the proxied address (lib/env.ts keeps what it read first).
  vi.resetModules();
  ({ GET } = await import("@/app/api/v1/sessions/[id]/route"));
  ({ POST } = await import("@/app/api/v1/sessions/[id]/registrations/route"));
});

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = databaseUrl;
  await proxy.close();
});

const getSession = (id: string, language = "de") =>
  GET(new Request(`http://localhost/api/v1/sessions/${id}`, { headers: { "accept-language": language } }), { params: Promise.resolve({ id }) });

const register = (email: string) =>
  POST(
    new Request(`http://localhost/api/v1/sessions/${sessionId}/registrations`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "en", "x-forwarded-for": "192.0.2.80" },
      body: JSON.stringify({
        firstName: "Petra",
        lastName: "Ausfall",
        email,
        organisation: "Stadt Beispiel",
        role: "OTHER",
        consent: true,
        privacyNoticeVersion: 1,
      }),
    }),
    { params: Promise.resolve({ id: sessionId }) },
  );

describe("the public API without its database", () => {
  it("answers 503 unavailable with Retry-After and Content-Language, as documented, and normally once the database is back", async () => {
    expect((await getSession(sessionId)).status).toBe(200);

    await proxy.cut();
    // A session nobody asked for yet: the public session cache (a second) cannot answer for the database.
    const session = await getSession(unreadSessionId, "en");
    expect(session.status).toBe(503);
    expect(session.headers.get("content-language")).toBe("en");
    const sessionBody = (await expectDocumentedResponse("GET", "/sessions/{id}", session)) as { error: { code: string; retryable: boolean } };
    expect(sessionBody.error).toMatchObject({ code: "unavailable", retryable: true });

    const registration = await register(`ausfall.${Date.now()}@example.org`);
    expect(registration.status).toBe(503);
    expect(Number(registration.headers.get("retry-after"))).toBeGreaterThan(0);
    await expectDocumentedResponse("POST", "/sessions/{id}/registrations", registration);

    await proxy.restore();
    await expectDocumentedResponse("GET", "/sessions/{id}", await getSession(unreadSessionId));
    const received = await register(`zurueck.${Date.now()}@example.org`);
    expect(received.status).toBe(202);
    await expectDocumentedResponse("POST", "/sessions/{id}/registrations", received);
  });
});
