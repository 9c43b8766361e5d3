import { describe, expect, it } from "vitest";
import { describeDeliveryError, MAX_ATTEMPTS, retryDelayMs } from "@/lib/email/deliver-outbox";
import { calendarParts } from "@/lib/email/transport";

const minute = 60_000;

describe("outbox retry schedule", () => {
  it("retries after 30 seconds, doubling per failure, never waiting much more than an hour", () => {
    const noJitter = () => 0;
    expect(retryDelayMs(1, noJitter)).toBe(30_000);
    expect(retryDelayMs(2, noJitter)).toBe(60_000);
    expect(retryDelayMs(5, noJitter)).toBe(8 * minute);
    expect(retryDelayMs(8, noJitter)).toBe(60 * minute);
    expect(retryDelayMs(25, () => 1)).toBe(66 * minute);
  });

  it("keeps trying for about a day before giving a message up", () => {
    let waited = 0;
    for (let attempts = 1; attempts < MAX_ATTEMPTS; attempts++) waited += retryDelayMs(attempts, () => 0);
    expect(waited / 3600_000).toBeGreaterThan(20);
    expect(waited / 3600_000).toBeLessThan(26);
  });
});

describe("outbox delivery errors", () => {
  it("keep the server's reply but never credentials", () => {
    const error = Object.assign(new Error("Invalid login: 535 Authentication failed for smtp://anmeldung:geheim@mail.example.org"), {
      code: "EAUTH",
      responseCode: 535,
    });
    const described = describeDeliveryError(error);
    expect(described).toContain("EAUTH 535");
    expect(described).toContain("Authentication failed");
    expect(described).not.toContain("geheim");
  });
});

describe("calendar parts of an outgoing message", () => {
  const ics = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n";

  it("send a calendar file with a method as the invitation (iMIP) and keep other files as attachments", () => {
    const parts = calendarParts([
      { filename: "absage.ics", contentType: "text/calendar; charset=UTF-8; method=CANCEL", content: ics },
      { filename: "agenda.txt", contentType: "text/plain; charset=UTF-8", content: "Agenda" },
    ]);
    expect(parts.icalEvent).toEqual({ method: "CANCEL", filename: "absage.ics", content: ics });
    expect(parts.attachments).toEqual([{ filename: "agenda.txt", contentType: "text/plain; charset=UTF-8", content: "Agenda" }]);
  });

  it("leave a calendar file without a method as an ordinary attachment", () => {
    const parts = calendarParts([{ filename: "termin.ics", contentType: "text/calendar; charset=UTF-8", content: ics }]);
    expect(parts.icalEvent).toBeUndefined();
    expect(parts.attachments).toHaveLength(1);
  });
});
