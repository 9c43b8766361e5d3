import { describe, expect, it } from "vitest";
import { RENAMED_PATH_STATUS, renamedPathTarget } from "@/lib/http/renamed-paths";

const id = "0b7e2f4c-1d2a-4c3b-9e8f-123456789abc";
const token = "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7dEf0hIj3";

describe("the English public addresses from before the rename (decision 0026)", () => {
  it("lead to their German address, with the query string kept", () => {
    expect(renamedPathTarget(`/sessions/${id}/register`, "")).toBe(`/termine/${id}/anmeldung`);
    expect(renamedPathTarget(`/sessions/${id}/register`, "?neu=1")).toBe(`/termine/${id}/anmeldung?neu=1`);
    expect(renamedPathTarget(`/sessions/${id}/register/eingegangen`, "")).toBe(`/termine/${id}/anmeldung/eingegangen`);
    expect(renamedPathTarget(`/materials/${id}`, "?download=1")).toBe(`/materialien/${id}?download=1`);
    expect(renamedPathTarget(`/r/${token}/abmelden`, "")).toBe(`/r/${token}/absagen`);
    expect(renamedPathTarget("/mailbox", "")).toBe("/postfach");
    expect(renamedPathTarget(`/mailbox/${id}`, "")).toBe(`/postfach/${id}`);
    expect(renamedPathTarget(`/mailbox/${id}/attachments/0`, "")).toBe(`/postfach/${id}/anhaenge/0`);
    expect(renamedPathTarget("/locale", "")).toBe("/sprache");
  });

  it("pass segments on as sent, for the new page to judge", () => {
    expect(renamedPathTarget("/sessions/%7B%7D/register", "")).toBe("/termine/%7B%7D/anmeldung");
  });

  it("leave every other path alone: the organiser's sign-out, the API, the new addresses, look-alikes", () => {
    for (const path of [
      "/abmelden",
      "/r/abc",
      "/r/abc/absagen",
      "/r/abc/abmelden/x",
      "/api/v1/sessions/x",
      `/api/v1/sessions/${id}/registrations`,
      `/termine/${id}/anmeldung`,
      "/mailboxes",
      "/locales",
      "/sessions",
      `/sessions/${id}`,
      "/workshops/x",
      "/organisation/workshops",
    ])
      expect(renamedPathTarget(path, ""), path).toBeNull();
  });

  it("are permanent redirects that keep a POST a POST", () => {
    expect(RENAMED_PATH_STATUS).toBe(308);
  });
});
