import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/sessions/[id]/route";
import { POST } from "@/app/api/v1/sessions/[id]/registrations/route";
import { db } from "@/lib/db";
import { registerParticipant } from "@/lib/registrations/register-participant";
import { registrationFormValues } from "@/lib/registrations/schema";
import { createProgrammeWithSession } from "../helpers/factories";
import { expectDocumentedResponse } from "../helpers/openapi";
import { queuedEmails } from "../helpers/outbox";

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

  it("registers with the same rules as the form and answers 202 received, with no status and no private link", async () => {
    const { sessionId } = await createProgrammeWithSession({ capacity: 1 });
    const first = await post(sessionId, valid("api.eins@example.org"));
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ status: "received", message: expect.stringContaining("Postfach") });
    const second = await post(sessionId, valid("api.zwei@example.org"), { "accept-language": "en" });
    expect(second.status).toBe(202);
    expect(await second.json()).toEqual({ status: "received", message: expect.stringContaining("inbox") });
    const stored = await db.registration.findMany({ where: { sessionId }, select: { email: true, status: true }, orderBy: { email: "asc" } });
    expect(stored).toEqual([
      { email: "api.eins@example.org", status: "CONFIRMED" },
      { email: "api.zwei@example.org", status: "WAITLISTED" },
    ]);
  });

  it("answers a new registration, the same address again and an address registered for the other date with the same bytes; only the email differs", async () => {
    const { sessionId, otherSessionId } = await createProgrammeWithSession();
    const tag = randomUUID().slice(0, 8);
    await post(otherSessionId, valid(`andere.${tag}@example.org`));
    await post(sessionId, valid(`wieder.${tag}@example.org`));

    const answers = [];
    for (const email of [`neu.${tag}@example.org`, `wieder.${tag}@example.org`, `andere.${tag}@example.org`]) {
      const response = await post(sessionId, valid(email));
      answers.push({ status: response.status, headers: [...response.headers.entries()], body: await response.text() });
    }
    expect(answers[0]!.status).toBe(202);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);

    const kinds = async (email: string) => (await queuedEmails({ toAddress: email })).map((mail) => [mail.kind, mail.registrationId]);
    const registrationOf = async (email: string) => (await db.registration.findFirstOrThrow({ where: { email }, select: { id: true } })).id;
    expect(await kinds(`neu.${tag}@example.org`)).toEqual([["registration-confirmed", await registrationOf(`neu.${tag}@example.org`)]]);
    expect(await kinds(`wieder.${tag}@example.org`)).toEqual([
      ["registration-confirmed", await registrationOf(`wieder.${tag}@example.org`)],
      ["registration-confirmed", await registrationOf(`wieder.${tag}@example.org`)],
    ]);
    expect(await kinds(`andere.${tag}@example.org`)).toEqual([
      ["registration-confirmed", await registrationOf(`andere.${tag}@example.org`)],
      ["registered-for-other-date", await registrationOf(`andere.${tag}@example.org`)],
    ]);
    expect(await db.registration.count({ where: { email: { in: [`wieder.${tag}@example.org`, `andere.${tag}@example.org`] } } })).toBe(2);
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

function getSession(sessionId: string) {
  return GET(new Request(`http://localhost/api/v1/sessions/${sessionId}`), { params: Promise.resolve({ id: sessionId }) });
}

const REGISTRATIONS = "/sessions/{id}/registrations";

describe("docs/api/openapi.yaml describes what the server answers", () => {
  it("session information: 200 with every field the document requires, questions and options included, and 404", async () => {
    const { sessionId, workshopId } = await createProgrammeWithSession();
    await db.question.create({
      data: {
        workshopId,
        position: 0,
        type: "SINGLE_CHOICE",
        labelDe: "Ebene",
        labelEn: "Level",
        required: true,
        options: [{ value: "kommune", labelDe: "Kommune", labelEn: "Municipality" }],
      },
    });
    await db.question.create({ data: { workshopId, position: 1, type: "TEXT", labelDe: "Erwartungen", labelEn: "Expectations" } });
    const found = await getSession(sessionId);
    expect(found.status).toBe(200);
    const body = (await expectDocumentedResponse("GET", "/sessions/{id}", found)) as { questions: unknown[]; workshop: unknown };
    expect(body.questions).toHaveLength(2);

    expect(body).toMatchObject({ workshop: { titleEn: null } });

    for (const missing of ["00000000-0000-4000-8000-000000000000", "kein-termin"]) {
      const response = await getSession(missing);
      expect(response.status).toBe(404);
      await expectDocumentedResponse("GET", "/sessions/{id}", response);
    }
  });

  it("session information: the workshop's English title next to the German one, as the document describes", async () => {
    const { sessionId, workshopId } = await createProgrammeWithSession();
    const { title } = await db.workshop.update({ where: { id: workshopId }, data: { titleEn: "Protecting staff" }, select: { title: true } });
    const body = (await expectDocumentedResponse("GET", "/sessions/{id}", await getSession(sessionId))) as { workshop: unknown };
    expect(body.workshop).toMatchObject({ title, titleEn: "Protecting staff" });
  });

  it("registration: 202, 400, 404, 413 and 415 bodies match the document", async () => {
    const { sessionId } = await createProgrammeWithSession();
    const received = await post(sessionId, valid(`doku.${randomUUID().slice(0, 8)}@example.org`));
    expect(received.status).toBe(202);
    await expectDocumentedResponse("POST", REGISTRATIONS, received);

    const notJson = await post(sessionId, "[1, 2]");
    expect(notJson.status).toBe(400);
    await expectDocumentedResponse("POST", REGISTRATIONS, notJson);

    const unknown = await post("00000000-0000-4000-8000-000000000000", valid("niemand@example.org"));
    expect(unknown.status).toBe(404);
    await expectDocumentedResponse("POST", REGISTRATIONS, unknown);

    const tooLarge = await post(sessionId, "{}", { "content-length": String(65 * 1024) });
    expect(tooLarge.status).toBe(413);
    await expectDocumentedResponse("POST", REGISTRATIONS, tooLarge);

    const plainText = await post(sessionId, valid("text@example.org"), { "content-type": "text/plain" });
    expect(plainText.status).toBe(415);
    await expectDocumentedResponse("POST", REGISTRATIONS, plainText);
  });

  it("registration: 422 carries a code and message for each invalid field", async () => {
    const { sessionId } = await createProgrammeWithSession();
    const response = await post(sessionId, { ...valid("kaputt"), role: "KING" }, { "accept-language": "en" });
    expect(response.status).toBe(422);
    const body = (await expectDocumentedResponse("POST", REGISTRATIONS, response)) as { error: { fields: Record<string, unknown> } };
    expect(Object.keys(body.error.fields).sort()).toEqual(["email", "role"]);
  });

  it.each([
    ["a string", "1"],
    ["true", true],
    ["a list", [1]],
    ["a fraction", 1.5],
  ])("refuses privacyNoticeVersion as %s with 422 (the document asks for an integer) and stores nothing", async (_name, version) => {
    const { sessionId } = await createProgrammeWithSession();
    const email = `version.${randomUUID().slice(0, 8)}@example.org`;
    const response = await post(sessionId, { ...valid(email), privacyNoticeVersion: version });
    expect(response.status).toBe(422);
    const body = (await expectDocumentedResponse("POST", REGISTRATIONS, response)) as { error: { fields: Record<string, { code: string }> } };
    expect(body.error.fields.privacyNoticeVersion!.code).toBe("staleForm");
    expect(await db.registration.count({ where: { email } })).toBe(0);
  });

  it("registration: 409 for a full session, a closed registration and a changed privacy notice", async () => {
    const { sessionId } = await createProgrammeWithSession({ capacity: 1, waitlistEnabled: false });
    const tag = randomUUID().slice(0, 8);
    expect((await post(sessionId, valid(`erste.${tag}@example.org`))).status).toBe(202);
    const full = await post(sessionId, valid(`zweite.${tag}@example.org`));
    expect(full.status).toBe(409);
    expect(((await expectDocumentedResponse("POST", REGISTRATIONS, full)) as { error: { code: string } }).error.code).toBe("session-full");

    const stale = await post(sessionId, { ...valid(`dritte.${tag}@example.org`), privacyNoticeVersion: 2 });
    expect(stale.status).toBe(409);
    expect(((await expectDocumentedResponse("POST", REGISTRATIONS, stale)) as { error: { code: string } }).error.code).toBe("stale-form");

    const { sessionId: closedId } = await createProgrammeWithSession();
    await db.session.update({ where: { id: closedId }, data: { registrationClosesAt: new Date(Date.now() - 60_000) } });
    const closed = await post(closedId, valid(`vierte.${tag}@example.org`));
    expect(closed.status).toBe(409);
    expect(((await expectDocumentedResponse("POST", REGISTRATIONS, closed)) as { error: { code: string } }).error.code).toBe("registration-closed");
  });

  it("registration: 429 with a Retry-After header as the document declares it", async () => {
    const { sessionId } = await createProgrammeWithSession();
    const email = `eilig.${randomUUID().slice(0, 8)}@example.org`;
    const statuses = [];
    let limited: Response | undefined;
    for (let attempt = 0; attempt < 6; attempt++) {
      const response = await post(sessionId, valid(email));
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    await expectDocumentedResponse("POST", REGISTRATIONS, limited!);
    expect(limited!.headers.get("retry-after")).toBe("600");
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
  null,
  0,
  -1,
  1e308,
  true,
  [],
  {},
  [1, 2],
  { $gt: "" },
  "",
  " ",
  "x".repeat(5000),
  "ä".repeat(300),
  "'; DROP TABLE registrations; --",
  "<script>alert(1)</script>",
  '=HYPERLINK("http://x")',
  "\u0000",
  "\ud800",
  "../../etc/passwd",
  "a@b",
  "@example.org",
  "not-an-email",
  "ADMIN",
  "KING",
  "1",
  "-5",
  "NaN",
  { __proto__: { admin: true } },
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

/** A body produced on demand, counting what the server pulled: 64 KB chunks up to `totalBytes`. */
function generatedBody(totalBytes: number) {
  const chunk = new TextEncoder().encode(`{"firstName":"${"x".repeat(64 * 1024 - 15)}`.slice(0, 64 * 1024));
  const counter = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= totalBytes) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      counter.cancelled = true;
    },
  });
  return { stream, counter };
}

function postStream(sessionId: string, stream: ReadableStream<Uint8Array>, headers: Record<string, string>) {
  const request = new Request(`http://localhost/api/v1/sessions/${sessionId}/registrations`, {
    method: "POST",
    headers,
    body: stream,
    duplex: "half",
  } as RequestInit);
  return POST(request, { params: Promise.resolve({ id: sessionId }) });
}

describe("request bodies", () => {
  const fiftyMegabytes = 50 * 1024 * 1024;

  it("refuses a declared 50 MB body at once with 413, in the caller's language, without reading it", async () => {
    const { sessionId } = await createProgrammeWithSession();
    const { stream, counter } = generatedBody(fiftyMegabytes);
    const response = await postStream(sessionId, stream, {
      "content-type": "application/json",
      "content-length": String(fiftyMegabytes),
      "accept-language": "en",
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatchObject({ code: "payload-too-large", message: expect.stringContaining("64 KB"), retryable: false });
    expect(response.headers.get("content-language")).toBe("en");
    // At most the one chunk a stream fetches ahead by itself: nothing was read.
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it("stops reading a 50 MB body without Content-Length once it passes 64 KB", async () => {
    const { sessionId } = await createProgrammeWithSession();
    const { stream, counter } = generatedBody(fiftyMegabytes);
    const response = await postStream(sessionId, stream, { "content-type": "application/json" });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("payload-too-large");
    expect(counter.pulled).toBeLessThanOrEqual(256 * 1024);
    expect(counter.cancelled).toBe(true);
  });

  it("stops reading a body whose Content-Length understates it", async () => {
    const { sessionId } = await createProgrammeWithSession();
    const { stream, counter } = generatedBody(fiftyMegabytes);
    const response = await postStream(sessionId, stream, { "content-type": "application/json", "content-length": "100" });
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(256 * 1024);
  });

  it("still accepts a body just under the limit", async () => {
    const { sessionId } = await createProgrammeWithSession();
    const body = JSON.stringify({ ...valid(`knapp.${randomUUID().slice(0, 8)}@example.org`), padding: "x".repeat(60 * 1024) });
    const response = await post(sessionId, body);
    expect(response.status).toBe(202);
  });

  it.each([
    ["text/plain", "text/plain"],
    ["a form", "application/x-www-form-urlencoded"],
    ["multipart", "multipart/form-data; boundary=x"],
    ["no type", null],
    ["JSON in another charset", "application/json; charset=iso-8859-1"],
    ["a JSON look-alike", "application/jsonx"],
  ])("refuses %s with 415 and writes nothing (a cross-site page can send it without a preflight)", async (_name, contentType) => {
    const { sessionId } = await createProgrammeWithSession();
    const email = `quer.${randomUUID().slice(0, 8)}@example.org`;
    const headers: Record<string, string> = contentType ? { "content-type": contentType } : {};
    const request = new Request(`http://localhost/api/v1/sessions/${sessionId}/registrations`, { method: "POST", headers, body: JSON.stringify(valid(email)) });
    if (!contentType) request.headers.delete("content-type");
    const response = await POST(request, { params: Promise.resolve({ id: sessionId }) });
    expect(response.status).toBe(415);
    expect((await response.json()).error).toMatchObject({ code: "unsupported-media-type", message: expect.stringContaining("application/json") });
    expect(await db.registration.count({ where: { email } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { toAddress: email } })).toBe(0);
  });

  it.each(["application/json; charset=utf-8", 'Application/JSON;charset="UTF-8"'])("accepts %s", async (contentType) => {
    const { sessionId } = await createProgrammeWithSession();
    const response = await post(sessionId, valid(`typ.${randomUUID().slice(0, 8)}@example.org`), { "content-type": contentType });
    expect(response.status).toBe(202);
  });
});

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
      // Every refusal, whatever the input, has the shape the document gives.
      await expectDocumentedResponse("POST", REGISTRATIONS, response);
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
          if (name === "consent") {
            if (value === true) form.set("consent", "on");
            continue;
          }
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
