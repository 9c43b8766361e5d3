import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsFrom } from "@/lib/input/field-errors";
import { organiserFieldErrors } from "@/lib/organiser/field-errors";
import { fieldErrors as registrationFieldErrors } from "@/lib/registrations/schema";

const schema = z.object({
  name: z.string({ error: "required" }).min(1, { error: "required" }).max(3, { error: "tooLong" }),
  answers: z.object({ colour: z.enum(["red"], { error: "invalidChoice" }) }),
  count: z.number(),
});

describe("the one zod-error flattener", () => {
  it("gives the first catalogue key per field path, nested paths joined with dots", () => {
    const result = schema.safeParse({ name: "", answers: { colour: "blue" }, count: 1 });
    expect(fieldErrorsFrom(result.error!, ["required", "tooLong", "invalidChoice"])).toEqual({ name: "required", "answers.colour": "invalidChoice" });
  });

  it("turns what zod says in its own words, or a key the catalogue lacks, into 'invalid'", () => {
    const result = schema.safeParse({ name: "abcd", answers: { colour: "red" }, count: "x" });
    expect(fieldErrorsFrom(result.error!, ["required"])).toEqual({ name: "invalid", count: "invalid" });
  });

  it("files an error about the whole form under 'form'", () => {
    const result = z.string({ error: "required" }).safeParse(1);
    expect(fieldErrorsFrom(result.error!, ["required"])).toEqual({ form: "required" });
  });

  it("is what both the registration form and the organiser forms use, each with its own catalogue's keys", () => {
    const result = schema.safeParse({ name: "abcd", answers: { colour: "blue" }, count: 1 });
    // "tooLong" is a registration key and an organiser key; "invalidChoice" only a registration key.
    expect(registrationFieldErrors(result.error!)).toEqual({ name: "tooLong", "answers.colour": "invalidChoice" });
    expect(organiserFieldErrors(result.error!)).toEqual({ name: "tooLong", "answers.colour": "invalid" });
  });
});
