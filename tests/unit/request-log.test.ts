import { describe, expect, it } from "vitest";
import { acceptedRequestId, loggablePath } from "@/lib/logging/loggable-path";

const token = "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7dEf0hIj3";

describe("the path a request is logged under", () => {
  it("masks the manage link's token, on every page below it", () => {
    expect(loggablePath(`/r/${token}`)).toBe("/r/:token");
    expect(loggablePath(`/r/${token}/absagen`)).toBe("/r/:token/absagen");
    expect(loggablePath(`/r/${token}/kalender.ics`)).toBe("/r/:token/kalender.ics");
    // Even a short or malformed one: whatever follows /r/ is someone's token.
    expect(loggablePath("/r/abc")).toBe("/r/:token");
  });

  it("never contains the query string (sign-in callbacks carry their token there)", () => {
    expect(loggablePath(`/api/auth/callback/email?callbackUrl=%2Forganisation&token=${token}&email=erika%40example.org`)).toBe("/api/auth/callback/email");
    expect(loggablePath("/workshops/x?ref=1#top")).toBe("/workshops/x");
  });

  it("masks any other segment that looks like a token or an address", () => {
    expect(loggablePath(`/einladung/${token}`)).toBe("/einladung/:token");
    expect(loggablePath("/x/erika%40example.org")).toBe("/x/:address");
    expect(loggablePath("/x/erika@example.org")).toBe("/x/:address");
  });

  it("keeps slugs and ids, which are not secret", () => {
    expect(loggablePath("/workshops/amts-und-mandatspersonen-schuetzen")).toBe("/workshops/amts-und-mandatspersonen-schuetzen");
    expect(loggablePath("/termine/0b7e2f4c-1d2a-4c3b-9e8f-123456789abc/anmeldung")).toBe("/termine/0b7e2f4c-1d2a-4c3b-9e8f-123456789abc/anmeldung");
    expect(loggablePath("/")).toBe("/");
  });

  it("takes the path of an absolute-form target and bounds the length", () => {
    expect(loggablePath(`http://evil.example/r/${token}?x=1`)).toBe("/r/:token");
    expect(loggablePath(`/${"a/".repeat(300)}`).length).toBeLessThanOrEqual(201);
  });
});

describe("the request id", () => {
  const generate = () => "generated-id";

  it("keeps a proxy's plain id and replaces anything else", () => {
    expect(acceptedRequestId("7f9c2ba4e88f827d616045507605853e", generate)).toBe("7f9c2ba4e88f827d616045507605853e");
    expect(acceptedRequestId("abc\r\nX-Evil: 1", generate)).toBe("generated-id");
    expect(acceptedRequestId("short", generate)).toBe("generated-id");
    expect(acceptedRequestId("<script>alert(1)</script>", generate)).toBe("generated-id");
    expect(acceptedRequestId("erika mustermann", generate)).toBe("generated-id");
    expect(acceptedRequestId("x".repeat(129), generate)).toBe("generated-id");
    expect(acceptedRequestId(["a1b2c3d4e5", "f6"], generate)).toBe("generated-id");
    expect(acceptedRequestId(undefined, generate)).toBe("generated-id");
  });
});
