import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/sessions/[id]/route";
import { POST } from "@/app/api/v1/sessions/[id]/registrations/route";
import { db } from "@/lib/db";
import { registerParticipant } from "@/lib/registrations/register-participant";
import { registrationFormValues } from "@/lib/registrations/schema";
import { createProgrammeWithSession } from "../helpers/factories";

function post(sessionId: string, body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/v1/sessions/${sessionId}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return POST(request, { params: Promise.resolve({ id: sessionId }) });
}

const valid = (email: string) => ({
  firstName: "Jonas",
  lastName: "Api",
  email,
  organisation: "Stadt Beispiel",
  role: "CIVIL_SOCIETY",
  consent: true,
  privacyNoticeVersion: 1,
});

describe("the public registration API", () => {
  it("tells a program about a session without revealing the join link", async () => {
    const { sessionId } = await createProgrammeWithSession({ capacity: 12 });
    const response = await GET(new Request(`http://localhost/api/v1/sessions/${sessionId}`), { params: Promise.resolve({ id: sessionId }) });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id: sessionId, capacity: 12, seatsLeft: 12, availability: "open", privacyNoticeVersion: 1 });
    expect(JSON.stringify(body)).not.toContain("video.example.org");
  });

  it("registers with the same rules as the form and answers with the status and private link", async () => {
    const { sessionId } = await createProgrammeWithSession({ capacity: 1 });
    const first = await post(sessionId, valid("api.eins@example.org"));
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ status: "CONFIRMED", waitlistPosition: null, manageUrl: expect.stringMatching(/\/r\/[A-Za-z0-9_-]{43}$/) });
    const second = await post(sessionId, valid("api.zwei@example.org"));
    expect(await second.json()).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1 });
  });

  it("answers expected refusals with typed codes and messages in the caller's language", async () => {
    const { sessionId } = await createProgrammeWithSession();
    const invalid = await post(sessionId, { ...valid("kaputt"), consent: false }, { "accept-language": "en" });
    expect(invalid.status).toBe(422);
    const body = await invalid.json();
    expect(body.error.code).toBe("invalid");
    expect(body.error.fields.email).toEqual({ code: "email", message: expect.stringContaining("valid email") });
    expect(body.error.fields.consent.code).toBe("consentRequired");

    const notJson = await post(sessionId, "{nope");
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toMatchObject({ code: "invalid-json", message: expect.stringContaining("JSON") });

    const unknown = await post("00000000-0000-4000-8000-000000000000", valid("niemand@example.org"));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("session-not-found");
  });
});

// A deterministic generator, so a failure can be reproduced.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const hostileValues: unknown[] = [
  null, 0, -1, 1e308, true, [], {}, [1, 2], { $gt: "" }, "", " ", "x".repeat(5000), "ä".repeat(300),
  "'; DROP TABLE registrations; --", "<script>alert(1)</script>", "=HYPERLINK(\"http://x\")", "\u0000", "\ud800", "../../etc/passwd",
  "a@b", "@example.org", "not-an-email", "ADMIN", "KING", "1", "-5", "NaN", { __proto__: { admin: true } },
];

function mutate(base: Record<string, unknown>, next: () => number): unknown {
  const body: Record<string, unknown> = { ...base };
  const fields = Object.keys(base).concat(["answers", "sessionId", "website", "locale", "extra"]);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const extra = Math.floor(next() * 4);
  for (let index = 0; index < extra; index++) {
    const field = pick(fields);
    if (field === "consent" || field === "website") continue;
    body[field] = pick(hostileValues);
  }
  // Last, at least one change that must make the payload invalid.
  const breaking = pick([
    () => delete body[pick(["firstName", "lastName", "email", "organisation", "role", "consent"])],
    () => (body.consent = pick([false, "yes", 1, null, "on"])),
    () => (body.email = pick(["", "kaputt", "a@", "x".repeat(300) + "@example.org", 42, null])),
    () => (body.website = "http://spam.example"),
    () => (body.role = pick(["", "KING", 7, null])),
    () => (body.firstName = pick(["", "   ", "x".repeat(101), 12, null, ["a"]])),
    () => (body.privacyNoticeVersion = pick([0, -1, 99, "eins", null])),
  ]);
  breaking();
  const shape = next();
  if (shape < 0.04) return pick([[], "text", 42, null, true]);
  if (shape < 0.08) return JSON.stringify(body).slice(0, Math.floor(next() * 40));
  return body;
}

describe("hostile input", () => {
  it("1,200 generated malformed payloads never cause a server error and never store a row", async () => {
    const { sessionId } = await createProgrammeWithSession();
    const next = random(20261126);
    const statuses = new Map<number, number>();
    for (let index = 0; index < 1200; index++) {
      const payload = mutate(valid(`fuzz${index}@example.org`), next);
      const response = await post(sessionId, typeof payload === "string" ? payload : JSON.stringify(payload));
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (![400, 404, 409, 422, 429].includes(response.status)) throw new Error(`${response.status} for ${JSON.stringify(payload)}`);
      const body = await response.json();
      expect(typeof body.error.code).toBe("string");
      expect(typeof body.error.message).toBe("string");
    }
    expect(await db.registration.count({ where: { sessionId } })).toBe(0);
    expect(statuses.get(422)).toBeGreaterThan(900);
  });
});

describe("hostile form posts", () => {
  it("1,000 generated malformed form submissions are refused with field errors and store nothing", async () => {
    const { sessionId } = await createProgrammeWithSession();
    const next = random(4711);
    for (let index = 0; index < 1000; index++) {
      const payload = mutate(valid(`formfuzz${index}@example.org`), next);
      const form = new FormData();
      if (payload && typeof payload === "object" && !Array.isArray(payload)) {
        for (const [name, value] of Object.entries(payload)) {
          // The browser sends strings only; a checked box as "on".
          if (name === "consent") { if (value === true) form.set("consent", "on"); continue; }
          // Values a form cannot carry (numbers, lists, null) arrive as empty fields.
          form.append(name, typeof value === "string" ? value : "");
        }
      }
      form.set("sessionId", sessionId);
      const outcome = await registerParticipant(registrationFormValues(form, []), { ip: null });
      expect(outcome.ok).toBe(false);
    }
    expect(await db.registration.count({ where: { sessionId } })).toBe(0);
  });
});
