import { describe, expect, it } from "vitest";
import { namedParameters } from "@/lib/database/named-parameters";

describe("SQL parameters by name", () => {
  it("numbers each name once, in order of first use, and lists the values in that order", () => {
    const statement = namedParameters(`SELECT $email::text, $sessionId::uuid WHERE "email" = $email AND "x" = 'a'::text`, {
      sessionId: "s-1",
      email: "a@example.org",
    });
    expect(statement).toEqual({ text: `SELECT $1::text, $2::uuid WHERE "email" = $1 AND "x" = 'a'::text`, values: ["a@example.org", "s-1"] });
  });

  it("leaves PostgreSQL's casts and numbered parameters alone", () => {
    expect(namedParameters(`SELECT now()::date, "a"::"Role"`, {}).text).toBe(`SELECT now()::date, "a"::"Role"`);
  });

  it("refuses a name without a value and a value the text never uses: a shifted parameter cannot slip through", () => {
    expect(() => namedParameters(`SELECT $email`, {})).toThrow(/missing email/);
    expect(() => namedParameters(`SELECT $email`, { email: "a", emial: "b" })).toThrow(/unused emial/);
  });
});
